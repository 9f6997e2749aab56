package io.pylon.data.format;

import java.nio.file.Path;
import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Config of the {@code csv} dataset format: one sample per row, numeric feature columns and one target
 * column.
 *
 * <pre>
 *   data: {format: csv, path: iris.csv, target: species}                 # string classes, sorted
 *   data: {format: csv, path: house.csv, target: 0, header: false, target_kind: regression}
 * </pre>
 *
 * @param path the CSV file (UTF-8; RFC 4180 quoting: {@code "a, b"} and {@code ""} for a quote inside quotes)
 * @param target the target column: a header name, or a 0-based column index (the only choice without a header)
 * @param features feature columns (names or indices), in the order they form the input; empty = every column
 *                 except the target, in file order
 * @param header whether the first row names the columns
 * @param delimiter the field separator, one character ({@code ","}, {@code ";"}, {@code "\t"})
 * @param targetKind {@code class}: labels become an int64 scalar; integer labels are used as they are, any
 *                   other labels are mapped to their position in the sorted list of distinct labels (or in
 *                   {@code classes}); {@code regression}: the value as a float32 scalar
 * @param classes for {@code class} targets: the label names in label order; empty = integer labels as they
 *                are, else the sorted distinct labels of this file (give them explicitly when a split may
 *                lack a class, so that train and val agree)
 */
public record CsvParams(
        Path path,
        String target,
        @Default("[]") List<String> features,
        @Default("true") boolean header,
        @Default("','") String delimiter,
        @Default("class") TargetKind targetKind,
        @Default("[]") List<String> classes) {

    /** What the target column holds. */
    public enum TargetKind {
        CLASS,
        REGRESSION
    }

    public CsvParams {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        InvalidValueException.require(path != null, "path", "must name a CSV file");
        InvalidValueException.require(target != null && !target.isBlank(), "target",
                "must name the target column (a header name or a 0-based index)");
        InvalidValueException.require(delimiter != null && delimiter.length() == 1 && delimiter.charAt(0) != '"'
                && delimiter.charAt(0) != '\n' && delimiter.charAt(0) != '\r', "delimiter",
                "must be one character other than a quote or line break, got '%s'", delimiter);
        InvalidValueException.require(classes.isEmpty() || targetKind == TargetKind.CLASS, "classes",
                "only applies to target_kind: class");
        InvalidValueException.require(classes.stream().distinct().count() == classes.size(), "classes",
                "must not repeat a name, got %s", classes);
    }

    char separator() {
        return delimiter.charAt(0);
    }
}
