package io.pylon.data;

import io.pylon.data.format.StandardFormats;
import io.pylon.data.packed.PackedFormat;
import io.pylon.data.volume.VolumeFormats;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The file-format kind ({@code image_folder}, {@code csv}, {@code npy} ...): each binds the section of one split
 * ({@code data.train}) to its params record and opens a {@link Dataset}.
 */
public final class DatasetFormats {

    public static final ComponentKind<Void, Dataset> KIND = new ComponentKind<>("dataset format", Dataset.class);

    private DatasetFormats() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        PackedFormat.register(r);
        StandardFormats.register(r);
        VolumeFormats.register(r);
    }
}
