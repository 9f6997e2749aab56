package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.DataException;

class BpeTokenizerTest {

    private static final String CORPUS = "the cat sat on the mat; the cat ate the rat. "
            .repeat(20) + "There, then: the theme!";

    @TempDir
    Path dir;

    @Test
    void trainingMergesFrequentPairsAndEveryTextRoundTrips() {
        BpeTokenizer bpe = BpeTraining.train(CORPUS, 270);
        assertThat(bpe.vocabSize()).isEqualTo(270);
        assertThat(BpeTraining.train(CORPUS, 5000).vocabSize()).as("stops when no pair repeats").isBetween(271, 4999);
        assertThat(bpe.encode(" the cat")).as("frequent words become single tokens").hasSizeLessThan(4);
        for (String text : new String[] {CORPUS, "unseen words: zebra, \u00e9t\u00e9, \u4e2d\u6587 \ud83d\ude00", "", "\n\n  x"}) {
            assertThat(bpe.decode(bpe.encode(text))).isEqualTo(text);
        }
        assertThat(BpeTraining.train(CORPUS, 270)).as("one corpus, one vocabulary").isEqualTo(bpe);
    }

    @Test
    void trainingStopsWhenNoPairRepeats() {
        assertThat(BpeTraining.train("abcd", 1000).vocabSize()).isEqualTo(256);
    }

    @Test
    void savedAndLoadedAsAPylonVocabulary() {
        BpeTokenizer bpe = BpeTraining.train(CORPUS, 280);
        Path file = dir.resolve("bpe.json");
        bpe.save(file);
        Tokenizer loaded = Tokenizer.load(file);
        assertThat(loaded).isEqualTo(bpe);
        assertThat(loaded.encode(CORPUS)).containsExactly(bpe.encode(CORPUS));
    }

    @Test
    void readsAHuggingFaceByteLevelBpeTokenizerJson() throws IOException {
        Map<Integer, Character> alphabet = HfTokenizerJson.byteAlphabet();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.putObject("pre_tokenizer").put("type", "ByteLevel");
        ObjectNode model = root.putObject("model").put("type", "BPE");
        ObjectNode vocab = model.putObject("vocab");
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(alphabet.get(b)), b);
        }
        String space = String.valueOf(alphabet.get((int) ' '));
        vocab.put(space + "t", 256).put("he", 257).put(space + "the", 258);
        model.putArray("merges").add(space + " t").add("h e").add(json.createArrayNode().add(space + "t").add("he"));
        Path file = dir.resolve("tokenizer.json");
        json.writeValue(file.toFile(), root);

        Tokenizer hf = Tokenizer.load(file);
        assertThat(hf.kind()).isEqualTo("bpe");
        assertThat(hf.encode("a the")).containsExactly('a', 258);
        assertThat(hf.decode(hf.encode("a the \u00e9"))).isEqualTo("a the \u00e9");
    }

    @Test
    void otherHuggingFaceModelsAreRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("wordpiece.json");
        Files.writeString(file, "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}");
        assertThatThrownBy(() -> Tokenizer.load(file)).isInstanceOf(DataException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("model type 'WordPiece'");
    }
}
