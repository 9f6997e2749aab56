package io.pylon.data.packed;

import java.nio.file.Path;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.DatasetFormats;
import io.pylon.registry.ComponentRegistrar;

/**
 * The {@code packed} dataset format: a {@code .pylonpack} file made by {@code pylon data pack}.
 *
 * @param path the packed file
 * @param verify recompute the payload checksum when opening (reads the whole file once; off by default
 *     because the header, size and layout are always checked and the OS page cache makes the first epoch
 *     read it anyway)
 */
public record PackedFormat(String path, @Default("false") boolean verify) {

    public static final String NAME = "packed";

    public PackedFormat {
        InvalidValueException.require(path != null && !path.isBlank(), "path", "must name a %s file, got '%s'",
                PackedHeader.EXTENSION, path);
    }

    /** Registers {@value #NAME} in {@link DatasetFormats}; called once from its static initialiser. */
    public static void register(ComponentRegistrar r) {
        r.registerSimple(DatasetFormats.KIND, NAME, PackedFormat.class, p -> PackedDataset.open(Path.of(p.path()), p.verify()));
    }
}
