package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.YamlReader;
import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.format.TextParams.TokenizerKind;
import io.pylon.testing.TestComponents;

class TextDatasetTest {

    @TempDir
    Path dir;

    /** 26 lines "a\n", "b\n" ... so that token t of the char stream is easy to predict. */
    private Path alphabet() throws IOException {
        StringBuilder text = new StringBuilder();
        for (char c = 'a'; c <= 'z'; c++) {
            text.append(c).append('\n');
        }
        return Files.writeString(dir.resolve("abc.txt"), text);
    }

    private static TextParams params(Path path, TokenizerKind kind, int block, int stride, double from, double to) {
        return new TextParams(path, kind, block, Optional.empty(), stride, from, to);
    }

    @Test
    void targetsAreTheInputsShiftedByOneToken() throws IOException {
        Path file = alphabet();

        TextDataset data = TextDataset.open(params(file, TokenizerKind.CHAR, 4, 0, 0, 1));

        // 52 tokens, windows start every 4 tokens: (52 - 4 - 1) / 4 + 1 = 12 samples
        assertThat(data.size()).isEqualTo(12);
        Sample first = data.get(0);
        assertThat(first.input().dtype()).isEqualTo(DType.INT64);
        assertThat(first.input().shape()).containsExactly(4);
        Tokenizer tokenizer = data.tokenizer();
        assertThat(tokenizer.decode(first.input().toLongs())).isEqualTo("a\nb\n");
        assertThat(tokenizer.decode(first.target().toLongs())).isEqualTo("\nb\nc");
        // sample 11 starts at token 44 ("w"): its target is tokens 45..48
        assertThat(tokenizer.decode(data.get(11).target().toLongs())).isEqualTo("\nx\ny");
        // the classes of a language model are its vocabulary: newline, then a..z
        assertThat(data.classNames()).hasSize(27).startsWith("\n", "a", "b").endsWith("z");
        assertThat(TextDataset.open(params(file, TokenizerKind.BYTE, 4, 0, 0, 1)).classNames()).hasSize(256);
    }

    @Test
    void strideControlsHowFarApartWindowsStart() throws IOException {
        Path file = alphabet();

        TextDataset data = TextDataset.open(params(file, TokenizerKind.CHAR, 4, 1, 0, 1));

        assertThat(data.size()).isEqualTo(48);
        assertThat(data.tokenizer().decode(data.get(1).input().toLongs())).isEqualTo("\nb\nc");
        assertThat(data.tokenizer().decode(data.get(47).target().toLongs())).isEqualTo("y\nz\n");
    }

    @Test
    void fractionsSplitOneFileIntoTrainAndValWithOneVocabulary() throws IOException {
        Path file = alphabet();

        TextDataset train = TextDataset.open(params(file, TokenizerKind.CHAR, 3, 0, 0, 0.5));
        TextDataset val = TextDataset.open(params(file, TokenizerKind.CHAR, 3, 0, 0.5, 1));

        // tokens 0..25 for train, 26..51 for val: 8 windows of 3 (+1) each
        assertThat(train.size()).isEqualTo(8);
        assertThat(val.size()).isEqualTo(8);
        assertThat(val.tokenizer()).isEqualTo(train.tokenizer());
        assertThat(val.tokenizer().decode(val.get(0).input().toLongs())).isEqualTo("n\no");
        assertThat(train.tokenizer().decode(train.get(7).target().toLongs())).isEqualTo("l\nm");
        assertThat(val.fingerprint()).isNotEqualTo(train.fingerprint());
    }

    @Test
    void byteTokensAreTheFileBytes() throws IOException {
        Path file = Files.write(dir.resolve("bin.txt"), new byte[] {(byte) 0xc3, (byte) 0xa9, 'x', (byte) 0xff, 0});

        TextDataset data = TextDataset.open(params(file, TokenizerKind.BYTE, 2, 1, 0, 1));

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.get(0).input().toLongs()).containsExactly(0xc3, 0xa9);
        assertThat(data.get(2).input().toLongs()).containsExactly('x', 0xff);
        assertThat(data.get(2).target().toLongs()).containsExactly(0xff, 0);
    }

    @Test
    void savedVocabularyIsUsedAndUnknownCharactersNameTheirPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("t.txt"), "abcabc\nabZ");
        Path vocab = dir.resolve("vocab.json");
        CharTokenizer.fromText("\ncba").save(vocab);
        TextParams params = new TextParams(file, TokenizerKind.CHAR, 2, Optional.of(vocab), 0, 0, 1);
        Files.writeString(dir.resolve("ok.txt"), "cab\n");
        TextParams ok = new TextParams(dir.resolve("ok.txt"), TokenizerKind.CHAR, 2, Optional.of(vocab), 0, 0, 1);

        assertThatThrownBy(() -> TextDataset.open(params)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("character 'Z' (U+005A) at position 9 (line 2)")
                .hasMessageContaining(vocab.toString());
        assertThat(TextDataset.open(ok).get(0).input().toLongs()).containsExactly(3, 1);
    }

    @Test
    void tooShortTextsAndMismatchedVocabulariesAreRejected() throws IOException {
        Path file = Files.writeString(dir.resolve("short.txt"), "abcd");
        Path bytes = dir.resolve("bytes.json");
        ByteTokenizer.INSTANCE.save(bytes);

        assertThatThrownBy(() -> TextDataset.open(params(file, TokenizerKind.CHAR, 4, 0, 0, 1)))
                .hasMessageStartingWith(file.toString()).hasMessageContaining("fewer than block_size + 1 = 5");
        assertThatThrownBy(() -> TextDataset.open(new TextParams(file, TokenizerKind.CHAR, 2, Optional.of(bytes),
                0, 0, 1))).hasMessageStartingWith(bytes.toString()).hasMessageContaining("is a byte vocabulary");
    }

    @Test
    void openedByNameWithFromAndTo() throws IOException {
        Path file = alphabet();
        var section = YamlReader.readDocument("path: " + file + "\nblock_size: 3\nfrom: 0.5\nto: 1\n", "t.yaml");

        try (Dataset data = TestComponents.format("text", section, "data.val")) {
            assertThat(data.size()).isEqualTo(8);
            assertThat(data.get(0).target().shape()).containsExactly(3);
        }
    }
}
