package io.pylon.data.format;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Decodes a PNG or JPEG file with {@code javax.imageio} into a channel-first {@code [C, H, W]} array.
 *
 * <p>Values are the file's own samples (read from the raster, not through a colour-space conversion, so a
 * grey PNG's value 17 stays 17). Alpha is dropped, not composited. Palette images are expanded through
 * their palette. Samples deeper than 8 bits (16-bit PNG) are scaled by {@code 255 / max} for uint8 output.
 * A JPEG the decoder reports as ending early is an error, not a half-grey image.
 */
final class ImageDecoder {

    private static final String REMEDY = "; replace or remove the file";

    private ImageDecoder() {
    }

    /**
     * Decodes {@code file}, sample {@code index} of its dataset.
     *
     * @param grayscale one luma channel instead of three RGB channels
     * @param scale float32 in [0, 1] instead of uint8
     * @throws DataException naming the file and index when it cannot be read or decoded
     */
    static NdArray decode(Path file, long index, boolean grayscale, boolean scale) {
        BufferedImage image = read(file, index);
        return toArray(image, grayscale, scale);
    }

    private static BufferedImage read(Path file, long index) {
        String source = file.toString();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DataException(source, index, "cannot be opened as an image stream" + REMEDY);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataException(source, index, "is not a PNG or JPEG image (no decoder recognises its"
                        + " content): the file is corrupt or mislabelled" + REMEDY);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                        throw new DataException(source, index, "the image data ends early (" + warning
                                + "): the file is truncated" + REMEDY);
                    }
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException data) {
                throw data;
            }
            // decoders throw assorted runtime exceptions on corrupt data; the file name is what the user needs
            throw new DataException(source, index, "cannot be decoded (" + e.getMessage() + "): the image is"
                    + " corrupt, truncated or unreadable" + REMEDY, e);
        }
    }

    static NdArray toArray(BufferedImage image, boolean grayscale, boolean scale) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int channels = grayscale ? 1 : 3;
        float[] floats = scale ? new float[channels * plane] : null;
        byte[] bytes = scale ? null : new byte[channels * plane];
        Pixels pixels = Pixels.of(image);
        int[] rgb = new int[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels.rgb(x, y, rgb);
                int at = y * width + x;
                if (grayscale) {
                    double luma = pixels.grey ? rgb[0] : 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
                    store(floats, bytes, at, luma / pixels.max);
                } else {
                    for (int c = 0; c < 3; c++) {
                        store(floats, bytes, c * plane + at, (double) rgb[c] / pixels.max);
                    }
                }
            }
        }
        return scale ? NdArray.of(floats, channels, height, width)
                : NdArray.of(bytes, DType.UINT8, channels, height, width);
    }

    private static void store(float[] floats, byte[] bytes, int at, double unit) {
        if (floats != null) {
            floats[at] = (float) unit;
        } else {
            bytes[at] = (byte) Math.round(unit * 255);
        }
    }

    /** Reads pixels as raw R, G, B samples in {@code [0, max]}. */
    private record Pixels(BufferedImage image, Raster raster, boolean grey, boolean viaRgb, double max) {

        static Pixels of(BufferedImage image) {
            ColorModel model = image.getColorModel();
            Raster raster = image.getRaster();
            int colours = model.getNumColorComponents();
            int bits = raster.getSampleModel().getSampleSize(0);
            boolean raw = !(model instanceof IndexColorModel) && (colours == 1 || colours == 3) && bits <= 16;
            if (!raw) {
                // palettes and unusual layouts: let Java2D convert to 8-bit sRGB
                return new Pixels(image, raster, false, true, 255);
            }
            return new Pixels(image, raster, colours == 1, false, (1 << bits) - 1);
        }

        void rgb(int x, int y, int[] out) {
            if (viaRgb) {
                int argb = image.getRGB(x, y);
                out[0] = (argb >>> 16) & 0xff;
                out[1] = (argb >>> 8) & 0xff;
                out[2] = argb & 0xff;
            } else if (grey) {
                int v = raster.getSample(x, y, 0);
                out[0] = v;
                out[1] = v;
                out[2] = v;
            } else {
                out[0] = raster.getSample(x, y, 0);
                out[1] = raster.getSample(x, y, 1);
                out[2] = raster.getSample(x, y, 2);
            }
        }
    }
}
