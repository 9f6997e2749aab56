package io.pylon.data.format;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * The {@code csv} format: row {@code i} (after the header) is sample {@code i}, its feature columns a
 * float32 input {@code [F]}, its target column an int64 class label or a float32 regression value (both
 * 0-d). The whole file is parsed and checked when the dataset opens and held in memory
 * ({@code 4 F} bytes per row), so errors surface before training and {@link #get} cannot fail.
 */
final class CsvDataset implements Dataset {

    private final MemorySegment features;
    private final int width;
    private final long[] labels;
    private final float[] values;
    private final List<String> classes;
    private final String fingerprint;

    private CsvDataset(float[] features, int width, long[] labels, float[] values, List<String> classes,
            String fingerprint) {
        this.features = MemorySegment.ofArray(features);
        this.width = width;
        this.labels = labels;
        this.values = values;
        this.classes = classes;
        this.fingerprint = fingerprint;
    }

    /** Reads, parses and validates the whole file. */
    static CsvDataset open(CsvParams params) {
        String source = params.path().toString();
        List<CsvParser.Row> rows = CsvParser.parse(text(params, source), params.separator(), source);
        if (rows.isEmpty() || params.header() && rows.size() == 1) {
            throw new DataException(source, DataException.NO_SAMPLE, "has no data rows; check data path");
        }
        List<String> header = params.header() ? rows.getFirst().fields() : List.of();
        List<CsvParser.Row> data = params.header() ? rows.subList(1, rows.size()) : rows;
        int width = params.header() ? header.size() : data.getFirst().fields().size();
        CsvColumns columns = CsvColumns.resolve(params, header, width, source);
        int[] featureColumns = columns.features();
        int f = featureColumns.length;
        float[] features = new float[Math.multiplyExact(data.size(), f)];
        List<String> targets = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            CsvParser.Row row = data.get(i);
            if (row.fields().size() != width) {
                throw new DataException(source, i, "line " + row.line() + " has " + row.fields().size()
                        + " fields, " + (params.header() ? "the header has " : "the first row has ") + width
                        + "; every row needs the same columns (quote fields that contain '" + params.delimiter()
                        + "')");
            }
            for (int k = 0; k < f; k++) {
                features[i * f + k] = number(row, featureColumns[k], columns, i, source);
            }
            targets.add(row.fields().get(columns.target()));
        }
        Fingerprint print = new Fingerprint("csv").add(FileStamp.of(params.path())).add("params", params);
        if (params.targetKind() == CsvParams.TargetKind.REGRESSION) {
            float[] values = new float[data.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = number(data.get(i), columns.target(), columns, i, source);
            }
            return new CsvDataset(features, f, null, values, List.of(), print.build());
        }
        List<String> classes = params.classes().isEmpty() && !allIntegers(targets) ? sorted(targets)
                : params.classes();
        long[] labels = new long[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(targets.get(i), classes, data.get(i), columns, i, source);
        }
        return new CsvDataset(features, f, labels, null, classes, print.build());
    }

    private static String text(CsvParams params, String source) {
        try {
            byte[] bytes = Files.readAllBytes(params.path());
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "no such CSV file; check data path", e);
        } catch (CharacterCodingException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "is not valid UTF-8 text (" + e.getMessage()
                    + "); save it as UTF-8", e);
        } catch (IOException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "cannot be read (" + e
                    + "); check that it is a readable file", e);
        }
    }

    private static float number(CsvParser.Row row, int column, CsvColumns columns, long sample, String source) {
        String cell = row.fields().get(column).trim();
        String where = "line " + row.line() + ", column " + columns.describe(column) + ": ";
        String remedy = "; fix the cell or leave the column out of features";
        // Java also reads "1f" and "2d" as numbers; a CSV cell like that is a typo, not a float
        if (cell.isEmpty() || "fFdD".indexOf(cell.charAt(cell.length() - 1)) >= 0) {
            throw new DataException(source, sample, where + (cell.isEmpty() ? "the cell is empty"
                    : "'" + cell + "' is not a number") + remedy);
        }
        try {
            return Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            throw new DataException(source, sample, where + "'" + cell + "' is not a number" + remedy, e);
        }
    }

    private static boolean allIntegers(List<String> targets) {
        for (String t : targets) {
            if (!t.trim().matches("-?\\d{1,18}")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sorted(List<String> targets) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String t : targets) {
            distinct.add(t.trim());
        }
        return List.copyOf(distinct);
    }

    private static long label(String target, List<String> classes, CsvParser.Row row, CsvColumns columns,
            long sample, String source) {
        String where = "line " + row.line() + ", column " + columns.describe(columns.target()) + ": ";
        if (classes.isEmpty()) {
            long label = Long.parseLong(target.trim());
            if (label < 0) {
                throw new DataException(source, sample, where + "class label " + label + " is negative; labels"
                        + " are 0-based class indices");
            }
            return label;
        }
        int label = classes.indexOf(target.trim());
        if (label < 0) {
            throw new DataException(source, sample, where + "label '" + target.trim() + "' is not one of the"
                    + " classes " + classes + "; add it to classes or fix the cell");
        }
        return label;
    }

    @Override
    public long size() {
        return labels != null ? labels.length : values.length;
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        long bytes = (long) width * Float.BYTES;
        NdArray input = new NdArray(features.asSlice(index * bytes, bytes), DType.FLOAT32, new long[] {width});
        NdArray target = labels != null ? NdArray.scalar(labels[(int) index])
                : NdArray.of(new float[] {values[(int) index]});
        return new Sample(index, input, target, false);
    }

    /** The label names for string labels (in label order); empty for integer labels and regression. */
    @Override
    public List<String> classNames() {
        return classes;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }
}
