package io.pylon.data.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.pylon.PylonUserException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.volume.NiftiVolume;
import io.pylon.data.volume.NiftiWriter;

/**
 * Writes synthetic splits as image/label pairs: {@code <out>/<split>/images/case_NNN.nii.gz} (float32) and
 * {@code <out>/<split>/labels/case_NNN.nii.gz} (uint8) for 3D, or {@code .png} pairs for 2D (16-bit grey
 * image, 8-bit label map). Case numbers run on across splits, so every case is distinct. The whole tree is
 * written into a temporary sibling folder and renamed into place at the end: an interrupted run leaves no
 * half-written dataset behind, and an existing non-empty {@code out} is refused.
 */
public final class SynthWriter {

    private SynthWriter() {
    }

    /** Writes {@code counts} (split name to number of cases, in order) and returns the number of files written. */
    public static int write(Path out, SynthParams params, Map<String, Integer> counts) {
        requireFresh(out);
        Path temporary = out.resolveSibling("." + out.getFileName() + ".partial");
        SyntheticSegmentation generator = new SyntheticSegmentation(params);
        int files = 0;
        try {
            deleteTree(temporary);
            long next = 0;
            for (Map.Entry<String, Integer> split : new LinkedHashMap<>(counts).entrySet()) {
                Path images = Files.createDirectories(temporary.resolve(split.getKey()).resolve("images"));
                Path labels = Files.createDirectories(temporary.resolve(split.getKey()).resolve("labels"));
                for (int i = 0; i < split.getValue(); i++, next++) {
                    SyntheticSegmentation.Case c = generator.generate(next);
                    String name = String.format(Locale.ROOT, "case_%03d", next);
                    writeCase(images, labels, name, params, c);
                    files += 2;
                }
            }
            if (Files.exists(out)) {
                Files.delete(out);
            }
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.move(temporary, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PylonUserException("cannot write the synthetic dataset to " + out + " (" + e.getMessage()
                    + "); check that its folder is writable and has space", e);
        }
        return files;
    }

    private static void writeCase(Path images, Path labels, String name, SynthParams params,
            SyntheticSegmentation.Case c) throws IOException {
        List<Integer> shape = params.shape();
        if (params.dims() == 3) {
            long[] dims = {1, shape.get(0), shape.get(1), shape.get(2)};
            NiftiWriter.write(images.resolve(name + ".nii.gz"),
                    NiftiVolume.withSpacing(NdArray.of(c.image(), dims), params.spacing()));
            NiftiWriter.write(labels.resolve(name + ".nii.gz"),
                    NiftiVolume.withSpacing(NdArray.of(c.labels(), DType.UINT8, dims), params.spacing()));
            return;
        }
        int height = shape.get(0);
        int width = shape.get(1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        short[] pixels = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) Math.clamp(Math.round(c.image()[i] * 64), 0, 65535);
        }
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(c.labels(), 0, ((DataBufferByte) mask.getRaster().getDataBuffer()).getData(), 0,
                c.labels().length);
        ImageIO.write(image, "png", images.resolve(name + ".png").toFile());
        ImageIO.write(mask, "png", labels.resolve(name + ".png").toFile());
    }

    private static void requireFresh(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new PylonUserException(out + " exists and is not empty; give a new --out folder (nothing"
                        + " was written)");
            }
        } catch (IOException e) {
            throw new PylonUserException(out + " exists and cannot be listed (" + e.getMessage()
                    + "); give a new --out folder", e);
        } catch (UncheckedIOException e) {
            throw new PylonUserException(out + " cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
