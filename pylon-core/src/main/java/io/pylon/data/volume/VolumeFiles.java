package io.pylon.data.volume;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.pylon.data.DataException;

/**
 * The file lists of the one-file-per-sample formats: each config entry is either a file or a glob over
 * the file names of one folder ({@code scans/*.nii.gz}; the folder part is literal), expanded in name
 * order so that parallel image and label lists pair up by position.
 */
public final class VolumeFiles {

    private VolumeFiles() {
    }

    /**
     * Expands {@code entries} in order; {@code key} (e.g. {@code images}) names the list in errors.
     *
     * @throws DataException for a missing file, a missing folder, or a glob that matches nothing
     */
    public static List<Path> expand(List<String> entries, String key) {
        List<Path> files = new ArrayList<>();
        for (String entry : entries) {
            Path path = Path.of(entry);
            String name = path.getFileName() == null ? entry : path.getFileName().toString();
            if (!isGlob(name)) {
                if (!Files.isRegularFile(path)) {
                    throw new DataException(entry, DataException.NO_SAMPLE, "no such file (listed in '" + key
                            + "'); check the path, relative paths start at " + Path.of("").toAbsolutePath());
                }
                files.add(path);
                continue;
            }
            Path folder = path.getParent() == null ? Path.of("") : path.getParent();
            List<Path> matched = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder.toString().isEmpty() ? Path.of(".")
                    : folder, name)) {
                for (Path p : stream) {
                    if (Files.isRegularFile(p)) {
                        matched.add(folder.resolve(p.getFileName()));
                    }
                }
            } catch (IOException e) {
                throw new DataException(entry, DataException.NO_SAMPLE, "cannot list folder " + folder
                        + " for the glob in '" + key + "' (" + e + "); check that the folder exists", e);
            }
            if (matched.isEmpty()) {
                throw new DataException(entry, DataException.NO_SAMPLE, "the glob in '" + key
                        + "' matches no file in " + folder.toAbsolutePath());
            }
            matched.sort(null);
            files.addAll(matched);
        }
        return List.copyOf(files);
    }

    /** Pairs label files with image files by position; the counts must agree. */
    static void requireParallel(List<Path> images, List<Path> labels) {
        if (!labels.isEmpty() && labels.size() != images.size()) {
            throw new DataException("labels", DataException.NO_SAMPLE, "lists " + labels.size()
                    + " files but 'images' lists " + images.size() + "; give one label file per image, in the"
                    + " same (name) order");
        }
    }

    /** Paths, sizes and modification times: changes whenever a file is replaced or edited. */
    public static String fingerprint(List<Path> files) {
        StringBuilder out = new StringBuilder();
        for (Path file : files) {
            out.append(file.toAbsolutePath()).append('|');
            try {
                out.append(Files.size(file)).append('|').append(Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                throw new DataException(file.toString(), DataException.NO_SAMPLE,
                        "cannot read its size or modification time (" + e + "); check that it still exists", e);
            }
            out.append(';');
        }
        return out.toString();
    }

    private static boolean isGlob(String name) {
        return name.contains("*") || name.contains("?") || name.contains("[") || name.contains("{");
    }
}
