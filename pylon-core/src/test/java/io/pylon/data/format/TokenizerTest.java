package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.DataException;

class TokenizerTest {

    @TempDir
    Path dir;

    @Test
    void charVocabularyIsTheSortedDistinctCharactersOfTheText() {
        CharTokenizer tokenizer = CharTokenizer.fromText("hello, world\n");

        assertThat(tokenizer.symbols()).containsExactly("\n", " ", ",", "d", "e", "h", "l", "o", "r", "w");
        assertThat(tokenizer.encode("hold")).containsExactly(5, 7, 6, 3);
        assertThat(tokenizer.decode(new long[] {9, 7, 8, 6, 3})).isEqualTo("world");
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneToken() {
        String text = "a😀b😀";
        CharTokenizer tokenizer = CharTokenizer.fromText(text);

        assertThat(tokenizer.vocabSize()).isEqualTo(3);
        assertThat(tokenizer.encode(text)).containsExactly(0, 2, 1, 2);
        assertThat(tokenizer.decode(tokenizer.encode(text))).isEqualTo(text);
    }

    @Test
    void unknownCharacterErrorNamesTheCharacterAndItsPosition() {
        CharTokenizer tokenizer = CharTokenizer.fromText("abc\n");

        assertThatThrownBy(() -> tokenizer.encode("ab\ncaZb")).isInstanceOf(Tokenizer.UnknownSymbolException.class)
                .hasMessage("character 'Z' (U+005A) at position 5 (line 2) is not in the vocabulary")
                .satisfies(e -> assertThat(((Tokenizer.UnknownSymbolException) e).position()).isEqualTo(5));
        assertThatThrownBy(() -> tokenizer.decode(new long[] {4})).hasMessageContaining("token id 4 outside");
    }

    @Test
    void byteTokenizerIsLosslessUtf8() {
        String text = "naïve 😀\u0000\n";
        long[] tokens = ByteTokenizer.INSTANCE.encode(text);

        assertThat(tokens).hasSize(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(tokens[2]).isEqualTo(0xc3);
        assertThat(tokens[3]).isEqualTo(0xaf);
        assertThat(ByteTokenizer.INSTANCE.decode(tokens)).isEqualTo(text);
        assertThat(ByteTokenizer.INSTANCE.vocabSize()).isEqualTo(256);
    }

    @Test
    void vocabulariesRoundTripThroughTheirFiles() {
        CharTokenizer chars = CharTokenizer.fromText("\"quoted\" \\ tab\t 😀");
        chars.save(dir.resolve("chars.json"));
        ByteTokenizer.INSTANCE.save(dir.resolve("bytes.json"));

        Tokenizer loaded = Tokenizer.load(dir.resolve("chars.json"));

        assertThat(loaded).isEqualTo(chars);
        assertThat(loaded.encode("tab 😀")).containsExactly(chars.encode("tab 😀"));
        assertThat(Tokenizer.load(dir.resolve("bytes.json"))).isSameAs(ByteTokenizer.INSTANCE);
    }

    @Test
    void corruptVocabularyFilesAreReportedNamingTheFile() throws IOException {
        Path truncated = Files.writeString(dir.resolve("cut.json"), "{\"format\": \"pylon-vocabulary\", \"sym");
        Path twoChars = Files.writeString(dir.resolve("two.json"),
                "{\"format\": \"pylon-vocabulary\", \"version\": 1, \"tokenizer\": \"char\", \"symbols\": [\"a\", \"bc\"]}");
        Path repeated = Files.writeString(dir.resolve("rep.json"),
                "{\"format\": \"pylon-vocabulary\", \"version\": 1, \"tokenizer\": \"char\", \"symbols\": [\"a\", \"a\"]}");
        Path other = Files.writeString(dir.resolve("other.json"), "[1, 2]");

        assertThatThrownBy(() -> Tokenizer.load(truncated)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(truncated.toString()).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Tokenizer.load(twoChars)).hasMessageStartingWith(twoChars.toString())
                .hasMessageContaining("entry 1 must be exactly one character");
        assertThatThrownBy(() -> Tokenizer.load(repeated)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Tokenizer.load(other)).hasMessageStartingWith(other.toString())
                .hasMessageContaining("not a pylon vocabulary");
        assertThatThrownBy(() -> Tokenizer.load(dir.resolve("none.json"))).isInstanceOf(DataException.class)
                .hasMessageContaining("no such vocabulary file");
    }
}
