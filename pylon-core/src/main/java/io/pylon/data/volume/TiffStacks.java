package io.pylon.data.volume;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Multi-page grayscale TIFF stacks through the JDK's TIFF plugin: page {@code p} of an {@code H x W}
 * stack is slice {@code p} of an array {@code [pages, H, W]}. Supported samples: 8-bit unsigned
 * ({@code uint8}), 16-bit unsigned ({@code uint16}) and 32-bit float ({@code float32}), one sample per
 * pixel, all pages the same size and type. Anything else (RGB, bilevel, signed or 32-bit integer) is a
 * {@link DataException} saying what was found.
 */
public final class TiffStacks {

    private TiffStacks() {
    }

    /** Reads {@code file} as {@code [pages, H, W]}; {@code sampleIndex} goes into errors (or NO_SAMPLE). */
    public static NdArray read(Path file, long sampleIndex) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(source, sampleIndex, "no such TIFF file; check the path");
        }
        int[] page = {-1};
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = tiffReader();
            try {
                reader.setInput(in, false, true);
                int pages = pageCount(reader, source, sampleIndex);
                NdArray out = null;
                long pageBytes = 0;
                for (int p = 0; p < pages; p++) {
                    page[0] = p;
                    Raster raster = reader.read(p).getRaster();
                    DType type = sampleType(raster, source, sampleIndex, p);
                    if (out == null) {
                        out = NdArray.zeros(type, pages, raster.getHeight(), raster.getWidth());
                        pageBytes = (long) raster.getHeight() * raster.getWidth() * type.bytes();
                    } else if (type != out.dtype() || raster.getHeight() != out.dim(1)
                            || raster.getWidth() != out.dim(2)) {
                        throw new DataException(source, sampleIndex, "page " + p + " is " + type.id() + " "
                                + raster.getHeight() + "x" + raster.getWidth() + " but page 0 is " + out.dtype().id()
                                + " " + out.dim(1) + "x" + out.dim(2) + "; a stack needs equal pages");
                    }
                    MemorySegment.copy(pixels(raster), 0, out.data(), p * pageBytes, pageBytes);
                }
                return out;
            } finally {
                reader.dispose();
            }
        } catch (DataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the JDK's TIFF plugin reports a short file as NullPointerException("data == null!") or EOFException:
            // neither says anything to a user beyond "this part of the file is missing"
            String where = page[0] < 0 ? "its header cannot be read" : "page " + page[0] + " cannot be decoded";
            throw new DataException(source, sampleIndex, where + " (" + fileSize(file) + " bytes): the file is"
                    + " truncated or not a TIFF file; copy or export it again (--debug shows the decoder's error)", e);
        }
    }

    /**
     * Writes {@code stack} ({@code [pages, H, W]} of uint8, uint16 or float32) as an uncompressed multi-page
     * TIFF: fixtures for tests, predictions for viewers.
     */
    public static void write(Path file, NdArray stack) throws IOException {
        if (stack.rank() != 3) {
            throw new IllegalArgumentException("a TIFF stack is [pages, H, W], got " + stack);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (long p = 0; p < stack.dim(0); p++) {
                writer.writeToSequence(new IIOImage(page(stack.slice(p)), null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static String fileSize(Path file) {
        try {
            return Long.toString(Files.size(file));
        } catch (IOException e) {
            return "unknown size";
        }
    }

    private static ImageReader tiffReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        if (!readers.hasNext()) {
            throw new IllegalStateException("this JDK has no TIFF ImageIO plugin (JDK 9+ includes one)");
        }
        return readers.next();
    }

    private static int pageCount(ImageReader reader, String source, long sampleIndex) throws IOException {
        int pages = reader.getNumImages(true);
        if (pages < 1) {
            throw new DataException(source, sampleIndex, "the TIFF file has no pages");
        }
        return pages;
    }

    private static DType sampleType(Raster raster, String source, long sampleIndex, int page) {
        int bands = raster.getNumBands();
        int bits = raster.getSampleModel().getSampleSize(0);
        int type = raster.getDataBuffer().getDataType();
        DType found = bands != 1 ? null : switch (type) {
            case DataBuffer.TYPE_BYTE -> bits == 8 ? DType.UINT8 : null;
            case DataBuffer.TYPE_USHORT -> bits == 16 ? DType.UINT16 : null;
            case DataBuffer.TYPE_FLOAT -> DType.FLOAT32;
            default -> null;
        };
        if (found == null) {
            throw new DataException(source, sampleIndex, "page " + page + " has " + bands + " sample(s) per pixel of "
                    + bits + "-bit " + typeName(type) + "; supported are grayscale stacks (1 sample per pixel) of"
                    + " 8-bit unsigned, 16-bit unsigned or 32-bit float samples: convert the file");
        }
        return found;
    }

    private static String typeName(int dataBufferType) {
        return switch (dataBufferType) {
            case DataBuffer.TYPE_BYTE -> "unsigned integer";
            case DataBuffer.TYPE_USHORT -> "unsigned integer";
            case DataBuffer.TYPE_SHORT -> "signed integer";
            case DataBuffer.TYPE_INT -> "integer";
            case DataBuffer.TYPE_FLOAT -> "float";
            case DataBuffer.TYPE_DOUBLE -> "double";
            default -> "unknown";
        };
    }

    /** The page's samples in row-major order, whatever the raster's internal layout. */
    private static MemorySegment pixels(Raster raster) {
        Object elements = raster.getDataElements(0, 0, raster.getWidth(), raster.getHeight(), null);
        return switch (elements) {
            case byte[] b -> MemorySegment.ofArray(b);
            case short[] s -> MemorySegment.ofArray(s);
            case float[] f -> MemorySegment.ofArray(f);
            default -> throw new IllegalStateException("unexpected raster elements " + elements.getClass());
        };
    }

    private static BufferedImage page(NdArray slice) {
        int h = Math.toIntExact(slice.dim(0));
        int w = Math.toIntExact(slice.dim(1));
        int bufferType = switch (slice.dtype()) {
            case UINT8 -> DataBuffer.TYPE_BYTE;
            case UINT16 -> DataBuffer.TYPE_USHORT;
            case FLOAT32 -> DataBuffer.TYPE_FLOAT;
            default -> throw new IllegalArgumentException("TIFF stacks are written as uint8, uint16 or float32, not "
                    + slice.dtype().id());
        };
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false,
                Transparency.OPAQUE, bufferType);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        Object elements = switch (slice.dtype()) {
            case UINT8 -> slice.data().toArray(ValueLayout.JAVA_BYTE);
            case UINT16 -> slice.data().toArray(ValueLayout.JAVA_SHORT_UNALIGNED);
            default -> slice.data().toArray(ValueLayout.JAVA_FLOAT_UNALIGNED);
        };
        raster.setDataElements(0, 0, w, h, elements);
        return new BufferedImage(model, raster, false, null);
    }
}
