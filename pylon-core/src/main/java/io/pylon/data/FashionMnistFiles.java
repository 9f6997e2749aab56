package io.pylon.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pylon.PylonUserException;

/**
 * Where the four Fashion-MNIST IDX files are. A configured {@code data.root} is used as given (an
 * explicit folder that lacks the files is an error rather than a silent fall-back to other data);
 * without one, the Debian package's folder is used. Each file may be gzipped ({@code .gz}, as shipped)
 * or already unpacked.
 *
 * @param trainImages train-images-idx3-ubyte[.gz]
 * @param trainLabels train-labels-idx1-ubyte[.gz]
 * @param testImages t10k-images-idx3-ubyte[.gz]
 * @param testLabels t10k-labels-idx1-ubyte[.gz]
 */
public record FashionMnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<String> BASE_NAMES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Finds the files under the configured root, or under {@link #SYSTEM_ROOT} when none is configured. */
    public static FashionMnistFiles locate(Optional<String> configuredRoot) {
        return locate(configuredRoot.map(Path::of).orElse(SYSTEM_ROOT), configuredRoot.isPresent());
    }

    static FashionMnistFiles locate(Path root, boolean configured) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String base : BASE_NAMES) {
            Optional<Path> file = find(root, base);
            file.ifPresent(found::add);
            if (file.isEmpty()) {
                missing.add(base + "[.gz]");
            }
        }
        if (!missing.isEmpty()) {
            throw new PylonUserException(missingMessage(root, configured, missing));
        }
        return new FashionMnistFiles(found.get(0), found.get(1), found.get(2), found.get(3));
    }

    private static Optional<Path> find(Path root, String base) {
        for (String name : List.of(base + ".gz", base)) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static String missingMessage(Path root, boolean configured, List<String> missing) {
        String where = configured ? "data.root is " + root : "data.root is not set and the default folder " + root;
        String state = !Files.isDirectory(root) ? "does not exist"
                : missing.size() == BASE_NAMES.size() ? "has none of the Fashion-MNIST files"
                : "lacks " + String.join(", ", missing);
        return "Fashion-MNIST not found: " + where + ", which " + state + ". Either install the Debian package"
                + " (sudo apt-get install dataset-fashion-mnist, which puts the files in " + SYSTEM_ROOT
                + ") or set data.root to a folder with the four IDX files " + String.join(", ", BASE_NAMES)
                + " (gzipped as .gz or not).";
    }
}
