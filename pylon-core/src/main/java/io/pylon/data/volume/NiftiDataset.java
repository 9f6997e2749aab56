package io.pylon.data.volume;

import java.util.List;
import java.util.Optional;

import io.pylon.data.Dataset;
import io.pylon.data.Sample;

/**
 * The {@code nifti} format: sample {@code i} is the {@code i}-th image volume {@code [C, D, H, W]} with, when
 * labels are configured, the {@code i}-th label volume as its int64 label map {@code [D, H, W]}. Besides
 * the samples it exposes each volume's voxel spacing and affine (read from the header only), for
 * resampling and for writing predictions back in the scan's geometry.
 */
public final class NiftiDataset implements Dataset {

    private final FileVolumeDataset files;

    public NiftiDataset(NiftiParams params) {
        FileVolumeDataset.Reader reader = (file, index) -> NiftiReader.read(file, index).data();
        this.files = new FileVolumeDataset("nifti", VolumeFiles.expand(params.images(), "images"),
                VolumeFiles.expand(params.labels(), "labels"), reader, reader, "");
    }

    @Override
    public long size() {
        return files.size();
    }

    @Override
    public Optional<String> sampleFile(long sampleIndex) {
        return files.sampleFile(sampleIndex);
    }

    @Override
    public Sample get(long index) {
        return files.get(index);
    }

    /** Voxel sizes {@code [D, H, W]} of sample {@code index}'s image (pixdim[3], pixdim[2], pixdim[1]). */
    public List<Double> spacing(long index) {
        return NiftiReader.spacing(files.imageFile(index), index);
    }

    /** Voxel-to-world affine of sample {@code index}'s image (sform, else qform, else pixdim scaling). */
    public Affine affine(long index) {
        return NiftiReader.header(files.imageFile(index), index).affine();
    }

    @Override
    public String fingerprint() {
        return files.fingerprint();
    }
}
