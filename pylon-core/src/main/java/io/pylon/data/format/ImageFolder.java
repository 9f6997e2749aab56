package io.pylon.data.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;

/**
 * The {@code image_folder} format: {@code root/<class>/<image>} with one sub-folder per class, as
 * torchvision's {@code ImageFolder}. Classes are the sub-folder names sorted by name, and a class's label is
 * its position in that order ({@link #classNames()}). Images are the {@code .png}, {@code .jpg} and
 * {@code .jpeg} files (any case) anywhere below a class folder; other files and hidden entries (names
 * starting with a dot) are ignored. Samples are ordered by class, then by path within the class, so the
 * order is the same on every machine.
 *
 * <p>A class folder without images keeps its label (so that train and val folders agree on the labels)
 * but there must be at least one image in all. Images are decoded on {@link #get}, each call independent,
 * so loader workers can decode in parallel.
 */
final class ImageFolder implements Dataset {

    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg");

    private record Entry(Path file, int label) {
    }

    private final List<String> classes;
    private final List<Entry> entries;
    private final ImageFolderParams params;
    private final String fingerprint;

    private ImageFolder(List<String> classes, List<Entry> entries, ImageFolderParams params, String fingerprint) {
        this.classes = classes;
        this.entries = entries;
        this.params = params;
        this.fingerprint = fingerprint;
    }

    /**
     * Scans the folder tree.
     *
     * @throws DataException when the root is missing, has no class folders, or no images at all
     */
    static ImageFolder open(ImageFolderParams params) {
        Path root = params.path();
        String source = root.toString();
        if (!Files.isDirectory(root)) {
            throw new DataException(source, DataException.NO_SAMPLE, Files.exists(root)
                    ? "is a file, not a folder; image_folder needs root/<class>/<image> folders"
                    : "no such folder; check data path (image_folder needs root/<class>/<image> folders)");
        }
        List<Path> classDirs = children(root, source).stream().filter(Files::isDirectory).toList();
        if (classDirs.isEmpty()) {
            long loose = children(root, source).stream().filter(ImageFolder::isImage).count();
            throw new DataException(source, DataException.NO_SAMPLE, "has no class sub-folders" + (loose > 0
                    ? " (it holds " + loose + " images directly)" : " (it is empty)")
                    + "; put each class's images in its own folder, root/<class>/<image>");
        }
        Fingerprint print = new Fingerprint("image_folder").add("root", root.toAbsolutePath().normalize())
                .add("grayscale", params.grayscale()).add("scale", params.scale());
        List<String> classes = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path classDir : classDirs) {
            int label = classes.size();
            classes.add(classDir.getFileName().toString());
            print.add("class", classDir.getFileName());
            for (Path image : images(classDir)) {
                entries.add(new Entry(image, label));
                print.add(FileStamp.of(image));
            }
        }
        if (entries.isEmpty()) {
            throw new DataException(source, DataException.NO_SAMPLE, "its " + classes.size() + " class folders "
                    + classes + " hold no .png, .jpg or .jpeg images; check data path");
        }
        return new ImageFolder(List.copyOf(classes), List.copyOf(entries), params, print.build());
    }

    /** The entries of {@code dir} that are not hidden, sorted by name. */
    private static List<Path> children(Path dir, String source) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "cannot list the folder (" + e
                    + "); check its permissions", e);
        }
    }

    private static List<Path> images(Path classDir) {
        try (Stream<Path> walk = Files.walk(classDir, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> !isHidden(classDir.relativize(p)) && isImage(p))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(classDir.toString(), DataException.NO_SAMPLE, "cannot list the folder (" + e
                    + "); check its permissions", e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && Files.isRegularFile(file);
    }

    @Override
    public long size() {
        return entries.size();
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        Entry entry = entries.get((int) index);
        return Sample.classified(index, ImageDecoder.decode(entry.file(), index, params.grayscale(),
                params.scale()), entry.label());
    }

    @Override
    public Optional<String> sampleFile(long sampleIndex) {
        return sampleIndex >= 0 && sampleIndex < entries.size()
                ? Optional.of(entries.get((int) sampleIndex).file().toString()) : Optional.empty();
    }

    /** The image file of sample {@code index}. */
    Path file(long index) {
        checkIndex(index);
        return entries.get((int) index).file();
    }

    @Override
    public List<String> classNames() {
        return classes;
    }

    /** Labels come from the folder names, so balancing needs no image decoding. */
    @Override
    public long classOf(long index) {
        checkIndex(index);
        return entries.get((int) index).label();
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }
}
