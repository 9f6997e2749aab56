package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.YamlReader;
import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.format.CsvParams.TargetKind;
import io.pylon.testing.TestComponents;

class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    private static CsvParams params(Path path, String target, List<String> features, boolean header,
            TargetKind kind) {
        return new CsvParams(path, target, features, header, ",", kind, List.of());
    }

    @Test
    void stringLabelsMapToSortedClassesAndFeaturesKeepFileOrder() throws IOException {
        Path file = csv("""
                length,species,width
                5.1,setosa,3.5
                6.7,virginica,3.0
                5.9,versicolor,2.1
                """);

        try (CsvDataset data = CsvDataset.open(params(file, "species", List.of(), true, TargetKind.CLASS))) {
            assertThat(data.size()).isEqualTo(3);
            assertThat(data.classNames()).containsExactly("setosa", "versicolor", "virginica");
            Sample second = data.get(1);
            assertThat(second.input().dtype()).isEqualTo(DType.FLOAT32);
            assertThat(second.input().toFloats()).containsExactly(6.7f, 3.0f);
            assertThat(second.target().shape()).isEmpty();
            assertThat(second.target().dtype()).isEqualTo(DType.INT64);
            assertThat(second.target().getLong(0)).isEqualTo(2);
            assertThat(data.get(2).target().getLong(0)).isEqualTo(1);
        }
    }

    @Test
    void integerLabelsAreUsedAsTheyAreAndColumnsCanBeChosenByIndex() throws IOException {
        Path file = csv("1.5,2,7\n-3,0,8\n0.25,1,9\n");

        CsvDataset data = CsvDataset.open(params(file, "1", List.of("2", "0"), false, TargetKind.CLASS));

        assertThat(data.classNames()).isEmpty();
        assertThat(data.get(0).target().getLong(0)).isEqualTo(2);
        assertThat(data.get(1).target().getLong(0)).isZero();
        assertThat(data.get(2).input().toFloats()).containsExactly(9f, 0.25f);
    }

    @Test
    void regressionTargetsAreFloatScalars() throws IOException {
        Path file = csv("x,y\n1,0.5\n2,-1.25\n");

        CsvDataset data = CsvDataset.open(params(file, "y", List.of(), true, TargetKind.REGRESSION));

        assertThat(data.get(1).target().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(data.get(1).target().shape()).isEmpty();
        assertThat(data.get(1).target().get(0)).isEqualTo(-1.25);
        assertThat(data.get(1).input().toFloats()).containsExactly(2f);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws IOException {
        Path file = csv("a;\"label; with semicolon\";b\r\n\"1,5\";\"x \"\"y\"\"\";\" 2 \"\r\n\r\n3;\"multi\nline\";4\r\n");
        CsvParams semicolons = new CsvParams(file, "label; with semicolon", List.of("b"), true, ";",
                TargetKind.CLASS, List.of());

        CsvDataset data = CsvDataset.open(semicolons);

        assertThat(data.size()).isEqualTo(2);
        assertThat(data.classNames()).containsExactly("multi\nline", "x \"y\"");
        assertThat(data.get(0).input().toFloats()).containsExactly(2f);
        assertThat(data.get(0).target().getLong(0)).isEqualTo(1);
        assertThat(data.get(1).input().toFloats()).containsExactly(4f);
    }

    @Test
    void explicitClassesFixTheLabelOrder() throws IOException {
        Path file = csv("f,c\n1,dog\n2,cat\n");
        CsvParams given = new CsvParams(file, "c", List.of(), true, ",", TargetKind.CLASS, List.of("dog", "cat",
                "bird"));
        CsvParams missing = new CsvParams(file, "c", List.of(), true, ",", TargetKind.CLASS, List.of("dog"));

        CsvDataset data = CsvDataset.open(given);

        assertThat(data.classNames()).containsExactly("dog", "cat", "bird");
        assertThat(data.get(1).target().getLong(0)).isEqualTo(1);
        assertThatThrownBy(() -> CsvDataset.open(missing)).isInstanceOf(DataException.class)
                .hasMessageContaining("(sample 1)").hasMessageContaining("label 'cat' is not one of the classes");
    }

    @Test
    void nonNumericCellNamesFileLineColumnAndSample() throws IOException {
        Path file = csv("a,b,label\n1,2,0\n\n3,oops,1\n");

        assertThatThrownBy(() -> CsvDataset.open(params(file, "label", List.of(), true, TargetKind.CLASS)))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + " (sample 1): line 4, column 'b' (column 1): 'oops' is not a number");
    }

    @Test
    void raggedRowsAndOpenQuotesAreRejected() throws IOException {
        Path ragged = csv("a,b,label\n1,2,0\n3,1\n");
        Path open = Files.writeString(dir.resolve("open.csv"), "a,label\n\"1,0\n");

        assertThatThrownBy(() -> CsvDataset.open(params(ragged, "label", List.of(), true, TargetKind.CLASS)))
                .hasMessageStartingWith(ragged + " (sample 1): line 3 has 2 fields, the header has 3");
        assertThatThrownBy(() -> CsvDataset.open(params(open, "label", List.of(), true, TargetKind.CLASS)))
                .hasMessageStartingWith(open.toString()).hasMessageContaining("line 2: a quoted field is never closed");
    }

    @Test
    void missingTargetColumnListsTheAvailableColumns() throws IOException {
        Path file = csv("height,weight\n1,2\n");
        Path noHeader = Files.writeString(dir.resolve("nh.csv"), "1,2\n");

        assertThatThrownBy(() -> CsvDataset.open(params(file, "label", List.of(), true, TargetKind.CLASS)))
                .isInstanceOf(DataException.class).hasMessageStartingWith(file.toString())
                .hasMessageContaining("no target column 'label'; the columns are [height, weight]");
        assertThatThrownBy(() -> CsvDataset.open(params(noHeader, "label", List.of(), false, TargetKind.CLASS)))
                .hasMessageContaining("0-based index from 0 to 1");
        assertThatThrownBy(() -> CsvDataset.open(params(dir.resolve("none.csv"), "x", List.of(), true,
                TargetKind.CLASS))).hasMessageContaining("no such CSV file");
    }

    @Test
    void fingerprintChangesWithContentAndOptions() throws IOException {
        Path file = csv("a,b\n1,0\n");
        String first = CsvDataset.open(params(file, "b", List.of(), true, TargetKind.CLASS)).fingerprint();
        String regression = CsvDataset.open(params(file, "b", List.of(), true, TargetKind.REGRESSION)).fingerprint();
        Files.writeString(file, "a,b\n1,0\n2,1\n");
        String longer = CsvDataset.open(params(file, "b", List.of(), true, TargetKind.CLASS)).fingerprint();

        assertThat(regression).isNotEqualTo(first);
        assertThat(longer).isNotEqualTo(first);
    }

    @Test
    void openedByNameWithTheDefaultDelimiter() throws IOException {
        Path file = csv("x,y,z\n1,2,1\n");
        var section = YamlReader.readDocument("path: " + file + "\ntarget: z\nfeatures: [y]\n", "t.yaml");

        try (Dataset data = TestComponents.format("csv", section, "data.train")) {
            assertThat(data.get(0).input().toFloats()).containsExactly(2f);
            assertThat(data.get(0).target().getLong(0)).isEqualTo(1);
        }
    }
}
