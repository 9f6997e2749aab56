package io.pylon.data.volume;

import io.pylon.data.DatasetFormats;
import io.pylon.registry.ComponentRegistrar;

/** Registers the volume formats: {@code tiff_stack}, {@code hdf5}, {@code nifti} and {@code tiles}. */
public final class VolumeFormats {

    private VolumeFormats() {
    }

    /** Called once from {@link DatasetFormats}' static initialiser. */
    public static void register(ComponentRegistrar r) {
        r.registerSimple(DatasetFormats.KIND, "tiff_stack", TiffStackParams.class, TiffStackParams::open);
        r.registerSimple(DatasetFormats.KIND, "hdf5", Hdf5Params.class, Hdf5Params::open);
        r.registerSimple(DatasetFormats.KIND, "nifti", NiftiParams.class, NiftiDataset::new);
        r.registerSimple(DatasetFormats.KIND, "tiles", TilesParams.class, TilesDataset::new);
    }
}
