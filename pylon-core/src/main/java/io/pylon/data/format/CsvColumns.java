package io.pylon.data.format;

import java.util.ArrayList;
import java.util.List;

import io.pylon.data.DataException;

/**
 * Resolves the target and feature columns a {@link CsvParams} names against a file's header (or, without
 * one, its column count). A name is looked up in the header first; text that is not a header name but a
 * non-negative integer is a 0-based index.
 *
 * @param names column names for messages (the header, or {@code "0"}, {@code "1"} ... without one)
 * @param target index of the target column
 * @param features indices of the feature columns, in input order
 */
record CsvColumns(List<String> names, int target, int[] features) {

    CsvColumns {
        names = List.copyOf(names);
        features = features.clone();
    }

    @Override
    public int[] features() {
        return features.clone();
    }

    /** The column's name and index for messages: {@code 'age' (column 2)}. */
    String describe(int column) {
        return "'" + names.get(column) + "' (column " + column + ")";
    }

    static CsvColumns resolve(CsvParams params, List<String> header, int width, String source) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            names.add(header.isEmpty() ? Integer.toString(i) : header.get(i));
        }
        int target = find(params.target(), "target", names, !header.isEmpty(), source);
        int[] features;
        if (params.features().isEmpty()) {
            features = new int[width - 1];
            for (int i = 0, f = 0; i < width; i++) {
                if (i != target) {
                    features[f++] = i;
                }
            }
        } else {
            features = new int[params.features().size()];
            for (int f = 0; f < features.length; f++) {
                features[f] = find(params.features().get(f), "feature", names, !header.isEmpty(), source);
                if (features[f] == target) {
                    throw new DataException(source, DataException.NO_SAMPLE, "column '" + params.features().get(f)
                            + "' is both the target and a feature; remove it from features");
                }
            }
        }
        if (features.length == 0) {
            throw new DataException(source, DataException.NO_SAMPLE, "has no feature columns besides the target "
                    + names.get(target) + "; a CSV dataset needs at least one");
        }
        return new CsvColumns(names, target, features);
    }

    private static int find(String spec, String role, List<String> names, boolean hasHeader, String source) {
        if (hasHeader) {
            int byName = names.indexOf(spec);
            if (byName >= 0) {
                return byName;
            }
        }
        if (spec.trim().matches("\\d{1,9}")) {
            int index = Integer.parseInt(spec.trim());
            if (index < names.size()) {
                return index;
            }
        }
        String available = hasHeader ? "the columns are " + names : "the file has no header, so name columns by"
                + " 0-based index from 0 to " + (names.size() - 1);
        throw new DataException(source, DataException.NO_SAMPLE, "no " + role + " column '" + spec + "'; "
                + available);
    }
}
