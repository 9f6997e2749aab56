package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.MetricsLog;

/**
 * The language-model workflow from the command line: both Shakespeare examples train a few steps, the run keeps
 * its tokenizer and samples, {@code pylon generate} continues a prompt from it, and each user mistake is one
 * {@code error:} line with exit code 2.
 */
class LanguageModelWorkflowTest {

    static final Path SHAKESPEARE = ConfigCommandTest.EXAMPLES.resolve("data/tinyshakespeare.txt");

    @TempDir
    static Path dir;

    static Path charRun;

    /** The CPU example, shrunk to a few steps and a sliver of validation text. */
    static String[] charExample(String runName, String... extra) {
        List<String> args = new ArrayList<>(List.of("train",
                ConfigCommandTest.EXAMPLES.resolve("shakespeare-char.yaml").toString(),
                "data.train.path=" + SHAKESPEARE, "data.val.path=" + SHAKESPEARE, "data.val.from=0.99",
                "trainer.max_steps=3", "trainer.val_every_n_steps=0", "trainer.threads=1",
                "callbacks.1.every_n_steps=2", "callbacks.1.max_new_tokens=20",
                "experiment.runs_dir=" + dir.resolve("runs"), "experiment.run_name=" + runName));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void trainTheCharExample() {
        CliRun run = CliRun.of(charExample("char"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        charRun = dir.resolve("runs/shakespeare-char/char");
    }

    /** The one {@code error:} line of a failed command (logs may precede it), checked to have no stack trace. */
    static String errorLine(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ");
        List<String> errors = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        return errors.get(0);
    }

    @Test
    void theCharExampleKeepsItsTokenizerSamplesAndSequenceMetrics() throws IOException {
        assertThat(charRun.resolve("tokenizer.json")).content().contains("\"char\"");
        List<JsonNode> samples = new ArrayList<>();
        for (String line : Files.readAllLines(charRun.resolve("samples.jsonl"))) {
            samples.add(new ObjectMapper().readTree(line));
        }
        assertThat(samples).extracting(s -> s.path("step").asLong()).containsExactly(2L, 3L);
        assertThat(samples).allSatisfy(s -> assertThat(s.path("text").asText()).hasSize(20));
        assertThat(charRun.resolve("train.log")).content().contains("sample at step 3");
        assertThat(charRun.resolve("checkpoints/last.ckpt")).exists();

        List<JsonNode> records = MetricsLog.read(charRun.resolve("metrics.jsonl"));
        JsonNode epoch = records.stream().filter(r -> r.path("split").asText().equals("train_epoch")).findFirst()
                .orElseThrow();
        assertThat(epoch.path("tokens_per_s").asDouble()).isPositive();
        JsonNode val = records.stream().filter(r -> r.path("split").asText().equals("val")).findFirst().orElseThrow();
        // every validation window has block_size tokens, so the mean loss is the mean over tokens: exact relations
        double loss = val.path("loss").asDouble();
        assertThat(val.path("perplexity").asDouble()).isCloseTo(Math.exp(loss), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(val.path("bpc").asDouble()).isCloseTo(loss / Math.log(2), org.assertj.core.data.Offset.offset(1e-5));
        assertThat(loss).as("barely trained, but below uniform over 65 characters").isLessThan(Math.log(65) + 0.3);
    }

    @Test
    void theGpuExampleRunsAStepOnTheCpu() {
        CliRun run = CliRun.of("train", ConfigCommandTest.EXAMPLES.resolve("shakespeare-gpt.yaml").toString(),
                "data.train.path=" + SHAKESPEARE, "data.val.path=" + SHAKESPEARE, "data.val.from=0.995",
                "data.batch_size=2", "trainer.max_steps=1", "trainer.val_every_n_steps=0", "trainer.threads=1",
                "callbacks.1.max_new_tokens=5", "experiment.runs_dir=" + dir.resolve("runs"),
                "experiment.run_name=gpt");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("runs/shakespeare-gpt/gpt/samples.jsonl")).exists();
    }

    @Test
    void generateStreamsTheSameSeededTextAsItPrintsAtTheEnd() {
        CliRun streamed = CliRun.of("generate", charRun.toString(), "--prompt", "ROMEO:", "--max-new-tokens", "40",
                "--seed", "3", "--stream");
        CliRun whole = CliRun.of("generate", charRun.toString(), "--prompt", "ROMEO:", "--max-new-tokens", "40",
                "--seed", "3", "--checkpoint", "last");
        CliRun uncached = CliRun.of("generate", charRun.toString(), "--prompt", "ROMEO:", "--max-new-tokens", "40",
                "--seed", "3", "--no-cache", "--top-k", "1");
        assertThat(streamed.exitCode()).as(streamed.err()).isZero();
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(uncached.exitCode()).as(uncached.err()).isZero();
        assertThat(streamed.out()).startsWith("ROMEO:").hasSize("ROMEO:".length() + 40 + System.lineSeparator().length());
        assertThat(whole.out()).isEqualTo(streamed.out());
        assertThat(streamed.err()).contains("40 tokens in").contains("KV cache");
        assertThat(uncached.err()).contains("no KV cache");
    }

    @Test
    void promptCharactersOutsideTheVocabularyAreNamed() {
        CliRun run = CliRun.of("generate", charRun.toString(), "--prompt", "ROMEO{", "--max-new-tokens", "5");
        assertThat(errorLine(run)).startsWith("error: prompt character '{' (U+007B) at position 5")
                .contains("no unknown token");
    }

    @Test
    void aRunWithoutATokenizerIsRefused() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("no-tokenizer"));
        Files.copy(charRun.resolve("config.yaml"), copy.resolve("config.yaml"));
        CliRun run = CliRun.of("generate", copy.toString());
        assertThat(errorLine(run)).startsWith("error: " + copy + " has no tokenizer.json");
    }

    @Test
    void aCheckpointOfAnotherModelIsRefusedNamingTheFile() {
        CliRun other = CliRun.of(charExample("wide", "model.d_model=64", "model.n_heads=2", "trainer.max_steps=1",
                "callbacks=[]"));
        assertThat(other.exitCode()).as(other.err()).isZero();
        Path foreign = dir.resolve("runs/shakespeare-char/wide/checkpoints/last.ckpt");
        CliRun run = CliRun.of("generate", charRun.toString(), "--checkpoint", foreign.toString());
        assertThat(errorLine(run)).startsWith("error: " + foreign + " does not fit the model of")
                .contains("shape mismatch").contains("--checkpoint");
    }

    @Test
    void badTextFilesAndBlockSizesAreOneErrorLineNamingTheFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b'});
        Path shortText = Files.writeString(dir.resolve("short.txt"), "to be or not to be");
        String[][] cases = {
            {empty.toString(), "64", "is empty"},
            {binary.toString(), "2", "is not valid UTF-8"},
            {shortText.toString(), "64", "fewer than block_size + 1 = 65"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of(charExample("bad-" + Path.of(c[0]).getFileName(), "data.train.path=" + c[0], "data.val.path=" + c[0],
                    "data.val.from=0.0", "data.train.block_size=" + c[1], "data.val.block_size=" + c[1],
                    "model.block_size=" + c[1]));
            assertThat(errorLine(run)).as(c[2]).startsWith("error: " + c[0]).contains(c[2]);
        }
    }

    @Test
    void aTrainedBpeTokenizerTrainsAndGeneratesThroughTheRun() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), Files.readString(SHAKESPEARE).substring(0, 30_000));
        Path vocab = dir.resolve("bpe.json");
        CliRun made = CliRun.of("data", "tokenizer", "train", "--input", corpus.toString(), "--vocab-size", "300",
                "--out", vocab.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.out()).contains("300 tokens (44 merges)");

        CliRun run = CliRun.of(charExample("bpe", "data.train.path=" + corpus, "data.val.path=" + corpus,
                "data.val.from=0.9", "+data.train.tokenizer=bpe", "+data.val.tokenizer=bpe",
                "+data.train.vocab=" + vocab, "+data.val.vocab=" + vocab, "trainer.max_steps=2"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = dir.resolve("runs/shakespeare-char/bpe");
        assertThat(runDir.resolve("tokenizer.json")).content().contains("\"bpe\"");
        CliRun generated = CliRun.of("generate", runDir.toString(), "--prompt", "First Citizen:",
                "--max-new-tokens", "10", "--seed", "1");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).startsWith("First Citizen:");
        assertThat(CliRun.of("data", "tokenizer", "train", "--input", dir.resolve("none.txt").toString(),
                "--vocab-size", "300", "--out", vocab.toString()).err()).contains("error: ").contains("none.txt");
    }

    @Test
    void aLossThatDoesNotFitTheModelOutputIsOneErrorNamingBothShapes() {
        CliRun run = CliRun.of(charExample("mse", "criterion={name: mse}"));
        assertThat(errorLine(run)).startsWith("error: model 'gpt' output [12, 65, 64]").contains("target [12, 64]")
                .contains("loss 'mse'");
    }
}
