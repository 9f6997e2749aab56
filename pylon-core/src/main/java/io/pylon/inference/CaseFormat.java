package io.pylon.inference;

import java.nio.file.Path;
import java.util.Locale;

import io.pylon.PylonUserException;

/** The file formats a case is read from and predictions are written to, told apart by file name. */
public enum CaseFormat {
    NIFTI(".nii.gz"), NPY(".npy"), TIFF(".tif");

    private final String extension;

    CaseFormat(String extension) {
        this.extension = extension;
    }

    /** The extension outputs of this format get. */
    public String extension() {
        return extension;
    }

    public static CaseFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return NIFTI;
        }
        if (name.endsWith(".npy")) {
            return NPY;
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return TIFF;
        }
        throw new PylonUserException(file + ": unknown case format; inputs are NIfTI (.nii, .nii.gz), NumPy (.npy,"
                + " channel-first [C, *S]) or TIFF stacks (.tif, .tiff)");
    }

    /** {@code case_001.nii.gz} -> {@code case_001}. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        for (String ext : new String[] {".nii.gz", ".nii", ".npy", ".tiff", ".tif"}) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    static CaseFormat named(String format) {
        return valueOf(format.toUpperCase(Locale.ROOT));
    }
}
