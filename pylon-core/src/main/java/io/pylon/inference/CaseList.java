package io.pylon.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.data.DataException;
import io.pylon.data.volume.VolumeFiles;

/**
 * The cases named by {@code --input}: one file, a glob over one folder's file names ({@code scans/*.nii.gz}),
 * or a manifest. A JSON manifest is a list whose entries are a path or {@code {"image": path or [paths],
 * "label": path}} (several image paths are stacked as channels); a CSV manifest has a header row, its
 * columns whose names start with {@code image} are the channels in column order, and an optional
 * {@code label} column. Manifest paths are relative to the manifest's folder; every file must exist.
 */
public final class CaseList {

    /** One case: its channel files and, where the manifest gives one, its label file. */
    public record Entry(List<Path> images, Optional<Path> label) {

        public Entry {
            images = List.copyOf(images);
        }

        public Path first() {
            return images.getFirst();
        }
    }

    private CaseList() {
    }

    public static List<Entry> parse(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return json(Path.of(spec));
        }
        if (lower.endsWith(".csv")) {
            return csv(Path.of(spec));
        }
        return VolumeFiles.expand(List.of(spec), "--input").stream()
                .map(p -> new Entry(List.of(p), Optional.empty())).toList();
    }

    private static List<Entry> json(Path manifest) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(read(manifest));
        } catch (IOException e) {
            throw new DataException(manifest.toString(), DataException.NO_SAMPLE, "is not valid JSON ("
                    + e.getMessage() + "); a manifest is a list of paths or {\"image\": ..., \"label\": ...}", e);
        }
        if (!root.isArray() || root.isEmpty()) {
            throw new DataException(manifest.toString(), DataException.NO_SAMPLE, "must be a non-empty JSON list of"
                    + " cases");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            List<Path> images = new ArrayList<>();
            Optional<Path> label = Optional.empty();
            JsonNode image = item.isObject() ? item.get("image") : item;
            if (image != null && image.isTextual()) {
                images.add(resolve(manifest, i, image.asText()));
            } else if (image != null && image.isArray() && !image.isEmpty()) {
                for (JsonNode channel : image) {
                    images.add(resolve(manifest, i, channel.asText()));
                }
            } else {
                throw new DataException(manifest.toString(), i, "entry " + i + " has no \"image\" path (or list of"
                        + " paths); write {\"image\": \"scan.nii.gz\", \"label\": \"mask.nii.gz\"}");
            }
            if (item.isObject() && item.hasNonNull("label")) {
                label = Optional.of(resolve(manifest, i, item.get("label").asText()));
            }
            entries.add(new Entry(images, label));
        }
        return entries;
    }

    private static List<Entry> csv(Path manifest) {
        List<String> lines = read(manifest).lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            throw new DataException(manifest.toString(), DataException.NO_SAMPLE, "needs a header row (image[,"
                    + " image_t2 ...][, label]) and at least one case");
        }
        String[] header = lines.getFirst().split(",", -1);
        List<Integer> imageColumns = new ArrayList<>();
        int labelColumn = -1;
        for (int c = 0; c < header.length; c++) {
            String name = header[c].trim().toLowerCase(Locale.ROOT);
            if (name.startsWith("image")) {
                imageColumns.add(c);
            } else if (name.equals("label")) {
                labelColumn = c;
            }
        }
        if (imageColumns.isEmpty()) {
            throw new DataException(manifest.toString(), DataException.NO_SAMPLE, "has no column named image* in"
                    + " its header " + lines.getFirst());
        }
        List<Entry> entries = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            if (cells.length != header.length) {
                throw new DataException(manifest.toString() + ":" + (row + 1), row - 1, "has " + cells.length
                        + " cells but the header has " + header.length);
            }
            List<Path> images = new ArrayList<>();
            for (int c : imageColumns) {
                images.add(resolve(manifest, row - 1, cells[c].trim()));
            }
            Optional<Path> label = labelColumn < 0 || cells[labelColumn].isBlank() ? Optional.empty()
                    : Optional.of(resolve(manifest, row - 1, cells[labelColumn].trim()));
            entries.add(new Entry(images, label));
        }
        return entries;
    }

    private static Path resolve(Path manifest, int entry, String path) {
        Path base = manifest.toAbsolutePath().getParent();
        Path file = base.resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new DataException(manifest.toString(), entry, "names " + path + ", which does not exist (looked"
                    + " for " + file + "); fix the path (relative paths start at the manifest's folder)");
        }
        return file;
    }

    private static String read(Path manifest) {
        try {
            return Files.readString(manifest);
        } catch (IOException e) {
            throw new DataException(manifest.toString(), DataException.NO_SAMPLE, "cannot be read (" + e
                    + "); check the path", e);
        }
    }
}
