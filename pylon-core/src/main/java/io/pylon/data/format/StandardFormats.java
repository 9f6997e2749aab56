package io.pylon.data.format;

import io.pylon.data.DatasetFormats;

/**
 * Registers the built-in general-purpose formats with {@link DatasetFormats}: {@code image_folder},
 * {@code csv}, {@code text} and {@code npy}.
 */
public final class StandardFormats {

    private StandardFormats() {
    }

    /** Called once from {@link DatasetFormats}' static initialiser. */
    public static void register() {
        DatasetFormats.register("image_folder", ImageFolderParams.class, ImageFolder::open);
        DatasetFormats.register("csv", CsvParams.class, CsvDataset::open);
        DatasetFormats.register("text", TextParams.class, TextDataset::open);
        DatasetFormats.register("npy", NpyParams.class, NpyDataset::open);
        DatasetFormats.register("image_pairs", ImagePairsParams.class, ImagePairs::new);
    }
}
