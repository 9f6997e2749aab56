package io.pylon.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fake-train.sh}: a stand-in for {@code pylon train} with the same arguments and run-directory
 * files (checkpoints/last.ckpt, metrics.jsonl, done) but no libtorch, so that launcher tests run many
 * jobs in seconds. Its behaviour is set through environment variables given on the program line.
 */
public final class FakeTrain {

    private FakeTrain() {
    }

    /** Copies the script into {@code dir} and returns the program words that run it with {@code env}. */
    public static List<String> program(Path dir, String... env) {
        Path script = dir.resolve("fake-train.sh");
        try (InputStream in = FakeTrain.class.getResourceAsStream("/fake-train.sh")) {
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> words = new ArrayList<>(List.of("env"));
        words.addAll(List.of(env));
        words.addAll(List.of("sh", script.toString()));
        return words;
    }

    /** A minimal experiment config writing its runs under {@code runs}. */
    public static Path config(Path dir, Path runs) {
        try {
            return Files.writeString(dir.resolve("exp.yaml"), "experiment:\n  name: fake\n  runs_dir: " + runs + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The overrides the fake needs to find the run directory without reading YAML. */
    public static List<String> runOverrides(Path runs) {
        return List.of("experiment.runs_dir=" + runs, "experiment.name=fake");
    }

    /** Steps the run logged, in order (a resumed run continues the numbering). */
    public static List<Integer> steps(Path runDir) {
        try {
            return Files.readAllLines(runDir.resolve("metrics.jsonl")).stream()
                    .map(line -> Integer.parseInt(line.replaceAll("^\\{\"step\": (\\d+),.*$", "$1"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
