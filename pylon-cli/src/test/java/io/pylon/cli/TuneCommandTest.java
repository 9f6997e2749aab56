package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.testing.FakeFashionMnist;

/** {@code pylon tune} end to end on generated Fashion-MNIST, and its refusals before any trial. */
class TuneCommandTest {

    @TempDir
    Path dir;

    private String[] tune(Path data, String study, int trials, String... extra) {
        List<String> args = new ArrayList<>(List.of("tune",
                ConfigCommandTest.EXAMPLES.resolve("fashion-mnist-tune.yaml").toString(),
                "data.root=" + data, "data.val_size=100", "data.batch_size=50", "data.eval_batch_size=100",
                "model.channels=[4, 8]", "trainer.max_epochs=3", "trainer.threads=1", "trainer.test=false",
                "experiment.runs_dir=" + dir.resolve("runs")));
        args.addAll(List.of(extra));
        args.addAll(List.of("--study", study, "--trials", Integer.toString(trials)));
        return args.toArray(String[]::new);
    }

    @Test
    void searchRunsTrialsPrunesAndWritesARunnableBestConfig() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 100, 1);
        CliRun run = CliRun.of(tune(data, "s1", 6, "tune.sampler.startup_trials=3"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path studyDir = dir.resolve("runs/fashion-mnist-tune/tune-s1");
        assertThat(run.out()).contains("study s1: 6 trials").contains("best: trial");
        List<String> rows = Files.readAllLines(studyDir.resolve("trials.tsv"));
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(1, 7)).allSatisfy(r -> assertThat(r).containsAnyOf("\tcomplete\t", "\tpruned\t"));
        assertThat(studyDir.resolve("trial-0/trial.json")).content().contains("\"study\":\"s1\"");
        assertThat(studyDir.resolve("trial-0/checkpoints/last.ckpt")).exists();
        String best = Files.readString(studyDir.resolve("best.yaml"));
        assertThat(best).contains("# study s1, trial").doesNotContain("tune:").contains("hidden:");
        assertThat(Files.readAllLines(studyDir.resolve("importances.tsv")).getFirst()).isEqualTo("param\timportance");

        // resuming the same study adds trials up to the new total
        CliRun more = CliRun.of(tune(data, "s1", 8, "tune.sampler.startup_trials=3"));
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.out()).contains("study s1: 8 trials");
    }

    @Test
    void twoWorkerProcessesShareTheStudy() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 150, 50, 3);
        CliRun run = CliRun.of(tune(data, "par", 4, "trainer.max_epochs=1", "tune.pruner={name: none}", "--jobs", "2"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path studyDir = dir.resolve("runs/fashion-mnist-tune/tune-par");
        assertThat(run.out()).contains("study par: 4 trials {complete=4}");
        assertThat(studyDir.resolve("worker-0.log")).exists();
        assertThat(studyDir.resolve("worker-1.log")).exists();
        for (int i = 0; i < 4; i++) {
            assertThat(studyDir.resolve("trial-" + i + "/trial.json")).content().contains("\"state\":\"complete\"");
        }
    }

    @Test
    void mistakesAreOneErrorLineBeforeAnyTrial() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 50, 2);
        assertRefused(tune(data, "e", 2, "+tune.params.optim.nope={uniform: [0, 1]}"), "tune.params.optim.nope",
                "the config has no key optim.nope");
        assertRefused(withParam(data, "optim.lr: {uniform: [0.1, 0.01]}"), "tune.params.optim.lr.uniform",
                "needs low < high");
        assertRefused(withParam(data, "optim.lr: {uniform: [0.1, 0.1]}"), "tune.params.optim.lr.uniform",
                "needs low < high");
        assertRefused(withParam(data, "optim.lr: {log_uniform: [0, 0.1]}"), "tune.params.optim.lr.log_uniform",
                "log range needs low > 0");
        assertRefused(withParam(data, "optim.lr: {choice: []}"), "tune.params.optim.lr.choice", "at least one option");
        assertRefused(tune(data, "e", 2, "tune.objective=val/dice"), "tune.objective", "nothing logs it: 'val/dice' is not reported");
        assertRefused(tune(data, "e", 2, "tune.sampler.name=bayes"), "tune.sampler.name", "bayes");
        assertRefused(tune(data, "e", 2, "tune.sampler={name: cmaes}"), "cmaes sampler searches ranges only");
        assertRefused(tune(data, "e", 2, "--storage", "postgresql://nobody@127.0.0.1:1/none"), "cannot open study storage");
        assertRefused(tune(data, "e", 2, "--storage", "mysql://x"), "unknown study storage URL");
        assertThat(dir.resolve("runs/fashion-mnist-tune/tune-e")).doesNotExist();

        // the same study name with another space
        Path storage = dir.resolve("shared.db");
        CliRun first = CliRun.of(tune(data, "same", 1, "trainer.max_epochs=1", "--storage", "sqlite:" + storage));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertRefused(withParam(data, "optim.lr: {log_uniform: [0.001, 0.1]}", "same", "trainer.max_epochs=1",
                "--storage", "sqlite:" + storage), "study 'same'", "was created with");
        assertThat(dir.resolve("runs/fashion-mnist-tune/tune-same/trial-1")).doesNotExist();
    }

    /** The example with its optim.lr line replaced by {@code line}, as a config file of its own. */
    private String[] withParam(Path data, String line, String... studyAndExtra) throws IOException {
        String example = Files.readString(ConfigCommandTest.EXAMPLES.resolve("fashion-mnist-tune.yaml"));
        String changed = example.replaceFirst("optim\\.lr: \\{log_uniform: \\[[^]]*\\]\\}", java.util.regex.Matcher.quoteReplacement(line));
        assertThat(changed).isNotEqualTo(example);
        Path config = dir.resolve("tune-" + Math.abs(line.hashCode()) + ".yaml");
        Files.writeString(config, changed);
        Files.createDirectories(dir.resolve("model"));
        Files.createDirectories(dir.resolve("optim"));
        Files.copy(ConfigCommandTest.EXAMPLES.resolve("model/cnn.yaml"), dir.resolve("model/cnn.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ConfigCommandTest.EXAMPLES.resolve("optim/adamw.yaml"), dir.resolve("optim/adamw.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String study = studyAndExtra.length > 0 ? studyAndExtra[0] : "e";
        String[] extra = studyAndExtra.length > 0 ? java.util.Arrays.copyOfRange(studyAndExtra, 1, studyAndExtra.length)
                : new String[0];
        String[] args = tune(data, study, 2, extra);
        args[1] = config.toString();
        return args;
    }

    private static void assertRefused(String[] args, String... fragments) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").doesNotContain("\tat ").contains(fragments);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    }
}
