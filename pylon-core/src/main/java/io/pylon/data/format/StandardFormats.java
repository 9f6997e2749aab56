package io.pylon.data.format;

import io.pylon.data.DatasetFormats;
import io.pylon.registry.ComponentRegistrar;

/**
 * Registers the built-in general-purpose formats with {@link DatasetFormats}: {@code image_folder},
 * {@code csv}, {@code text} and {@code npy}.
 */
public final class StandardFormats {

    private StandardFormats() {
    }

    /** Called once from {@link DatasetFormats}' static initialiser. */
    public static void register(ComponentRegistrar r) {
        r.registerSimple(DatasetFormats.KIND, "image_folder", ImageFolderParams.class, ImageFolder::open);
        r.registerSimple(DatasetFormats.KIND, "csv", CsvParams.class, CsvDataset::open);
        r.registerSimple(DatasetFormats.KIND, "text", TextParams.class, TextDataset::open);
        r.registerSimple(DatasetFormats.KIND, "npy", NpyParams.class, NpyDataset::open);
    }
}
