package io.pylon.data.volume;

import io.pylon.data.DatasetFormats;

/** Registers the volume formats: {@code tiff_stack}, {@code hdf5}, {@code nifti} and {@code tiles}. */
public final class VolumeFormats {

    private VolumeFormats() {
    }

    /** Called once from {@link DatasetFormats}' static initialiser. */
    public static void register() {
        DatasetFormats.register("tiff_stack", TiffStackParams.class, TiffStackParams::open);
        DatasetFormats.register("hdf5", Hdf5Params.class, Hdf5Params::open);
        DatasetFormats.register("nifti", NiftiParams.class, NiftiDataset::new);
        DatasetFormats.register("tiles", TilesParams.class, TilesDataset::new);
    }
}
