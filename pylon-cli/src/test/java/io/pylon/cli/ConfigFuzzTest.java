package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.Config;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.Components;

/**
 * Seeded mutations of the example configs, each certainly invalid: typos in keys at every level (in overrides and
 * in the files themselves), typos in component names, values of the wrong type, out-of-range values and missing
 * required values. Each must fail in both {@code pylon config} and {@code pylon train} with exit 2 and one
 * {@code error:} line, no stack trace, the same line from both commands (so {@code train} failed in resolution,
 * before the engine, the data or the disk), and no run directory.
 */
class ConfigFuzzTest {

    private static final long SEED = 20261202L;
    private static final int OVERRIDE_MUTATIONS = 320;
    private static final int FILE_MUTATIONS = 60;
    private static final List<String> EXAMPLES = List.of("fashion-mnist.yaml", "fashion-mnist-augment.yaml");
    /** Maps whose keys are the user's own (patterns, labels), where any key is valid. */
    private static final Set<String> FREE_FORM = Set.of("optim.lr_multipliers");
    private static final List<String> OUT_OF_RANGE = List.of(
            "trainer.max_epochs=0", "trainer.max_epochs=-3", "trainer.threads=-1", "data.batch_size=0",
            "data.eval_batch_size=-5", "data.workers=-1", "data.prefetch=0", "data.val_size=-1",
            "data.on_bad_sample=ignore", "optim.lr=0", "optim.lr=-0.1", "optim.weight_decay=-1",
            "optim.betas=[0.9]", "optim.betas=[0.9, 1.5]", "optim.eps=0", "+optim.momentum=1.0",
            "schedule.warmup_steps=-1", "+schedule.warmup_start_factor=1.5", "+schedule.gamma=0",
            "schedule.name=multistep", "+schedule.interval=fortnight", "model.dropout=1.5", "model.hidden=0",
            "model.channels=[]", "callbacks.0.save_top_k=-1", "callbacks.0.every_n_steps=-2",
            "callbacks.0.monitor=accuracy", "callbacks.0.monitor=val/acuracy", "callbacks.0.monitor=vla/accuracy",
            "+schedule.monitor=val/acuracy", "metrics=[accuracy, accuracy]",
            "metrics=[{name: top_k_accuracy, k: 0}]", "criterion={name: focal, gamma: -1}",
            "criterion={name: combined, terms: []}", "criterion={name: combined, terms: [{name: dice, weight: -1}]}",
            "criterion={name: combined, terms: [{name: cross_entropy}], schedule: {nope: {name: linear, end: 3}}}",
            "criterion={name: deep_supervision, criterion: {name: dise}}", "experiment.name=a/b",
            "callbacks=[{name: early_stopping, patience: 0}]", "callbacks=[{name: early_stopping, monitor: val/f1}]",
            "callbacks=[{name: nan_guard, enabled: maybe}]", "data.class_weights=[-1, 1]",
            "data.augment=[{name: flip, p: 2}]", "data.augment=[{name: random_crop}]", "trainer.device=tpu");
    private static final List<String> MISSING = List.of("~model.name", "data.name=csv", "~callbacks.0.name",
            "data.augment=[{p: 0.5}]", "criterion={weight: 1}", "metrics=[{num_classes: 3}]");

    @TempDir
    static Path dir;
    private static Path emptyData;
    private static Path runs;
    private static Components components;
    private static Set<String> allNames;

    @BeforeAll
    static void setUp() throws IOException {
        emptyData = Files.createDirectories(dir.resolve("no-data"));
        runs = dir.resolve("runs");
        components = StandardComponents.withPlugins();
        allNames = new HashSet<>();
        for (ComponentKind<?, ?> kind : components.kinds()) {
            allNames.addAll(components.names(kind));
        }
    }

    @Test
    void mutatedOverridesFailCleanlyInConfigAndTrainAlike() {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < OVERRIDE_MUTATIONS; i++) {
            Path example = ConfigCommandTest.EXAMPLES.resolve(EXAMPLES.get(random.nextInt(EXAMPLES.size())));
            Config base = Config.load(example, List.of());
            String mutation = switch (random.nextInt(5)) {
                case 0 -> keyTypo(base.root(), random);
                case 1 -> nameTypo(base.root(), random);
                case 2 -> wrongType(base.root(), random);
                case 3 -> OUT_OF_RANGE.get(random.nextInt(OUT_OF_RANGE.size()));
                default -> MISSING.get(random.nextInt(MISSING.size()));
            };
            check(example, List.of(mutation), null, failures);
        }
        assertThat(failures).as(failures.size() + " of " + OVERRIDE_MUTATIONS + " mutations misbehaved").isEmpty();
    }

    @Test
    void keyTyposInTheFilesNameFileLineAndKey() throws IOException {
        Random random = new Random(SEED + 1);
        List<String> failures = new ArrayList<>();
        Pattern keyLine = Pattern.compile("^(\\s*(?:- )?)([a-z_]+)(:.*)$");
        for (int i = 0; i < FILE_MUTATIONS; i++) {
            Path copy = Files.createDirectories(dir.resolve("files-" + i));
            copyExamples(copy);
            boolean inGroup = random.nextInt(3) == 0;
            Path target = inGroup ? copy.resolve(random.nextBoolean() ? "model/cnn.yaml" : "optim/adamw.yaml")
                    : copy.resolve(EXAMPLES.get(random.nextInt(EXAMPLES.size())));
            List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
            List<Integer> candidates = new ArrayList<>();
            for (int l = 0; l < lines.size(); l++) {
                Matcher m = keyLine.matcher(lines.get(l));
                if (m.matches() && !m.group(2).equals("defaults")) {
                    candidates.add(l);
                }
            }
            int line = candidates.get(random.nextInt(candidates.size()));
            Matcher m = keyLine.matcher(lines.get(line));
            m.matches();
            String typo = typo(m.group(2), random);
            lines.set(line, m.group(1) + typo + m.group(3));
            Files.write(target, lines, StandardCharsets.UTF_8);
            Path main = inGroup ? copy.resolve(EXAMPLES.get(0)) : target;
            String where = target.getFileName() + ":" + (line + 1);
            check(main, List.of(), where, failures);
        }
        assertThat(failures).as(failures.size() + " of " + FILE_MUTATIONS + " file mutations misbehaved").isEmpty();
    }

    @Test
    void aStartThatFailsOpeningTheDataLeavesNoRunDirectory() {
        Path example = ConfigCommandTest.EXAMPLES.resolve(EXAMPLES.get(0));
        CliRun run = CliRun.of("train", example.toString(), "data.root=" + emptyData, "experiment.runs_dir=" + runs,
                "trainer.threads=1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: Fashion-MNIST not found").doesNotContain("\tat ");
        assertThat(runs).doesNotExist();
    }

    @Test
    void resumeResolvesItsOverridesLikeANewRun() throws IOException {
        Path runDir = Files.createDirectories(dir.resolve("resumable/run"));
        CliRun saved = CliRun.of("config", ConfigCommandTest.EXAMPLES.resolve(EXAMPLES.get(0)).toString(),
                "data.root=" + emptyData);
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        Files.writeString(runDir.resolve("config.yaml"), saved.out());
        Files.createDirectories(runDir.resolve("checkpoints"));
        Files.writeString(runDir.resolve("checkpoints/last.ckpt"), "not read: resolution fails first");
        CliRun run = CliRun.of("train", "--resume", runDir.toString(), "schedule.name=cosin");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("error: ").contains("schedule.name")
                .contains("did you mean 'cosine'?").doesNotContain("\tat ");
        CliRun typo = CliRun.of("train", "--resume", runDir.toString(), "+trainer.max_epoch=3");
        assertThat(typo.exitCode()).as(typo.err()).isEqualTo(2);
        assertThat(typo.err()).contains("trainer.max_epoch").contains("did you mean 'max_epochs'?");
    }

    /** Runs both commands and records what went wrong, if anything. */
    private static void check(Path config, List<String> mutation, String expectedWhere, List<String> failures) {
        List<String> overrides = new ArrayList<>(List.of("data.root=" + emptyData, "experiment.runs_dir=" + runs,
                "trainer.threads=1"));
        overrides.addAll(mutation);
        String label = config.getFileName() + " " + mutation;
        CliRun printed = CliRun.of(Stream.concat(Stream.of("config", config.toString()), overrides.stream())
                .toArray(String[]::new));
        CliRun trained = CliRun.of(Stream.concat(Stream.of("train", config.toString()), overrides.stream())
                .toArray(String[]::new));
        for (CliRun run : List.of(printed, trained)) {
            String err = run.err().strip();
            if (run.exitCode() != 2) {
                failures.add(label + ": exit " + run.exitCode() + " " + abbreviate(err));
            } else if (!err.startsWith("error: ") || err.contains("\n") || err.contains("Exception")) {
                failures.add(label + ": not one error line: " + abbreviate(err));
            }
        }
        if (!printed.err().equals(trained.err())) {
            failures.add(label + ": config and train disagree: " + abbreviate(printed.err()) + " / "
                    + abbreviate(trained.err()));
        }
        if (expectedWhere != null && !printed.err().contains(expectedWhere)) {
            failures.add(label + ": error does not name " + expectedWhere + ": " + abbreviate(printed.err()));
        }
        if (Files.exists(runs)) {
            failures.add(label + ": left " + runs);
        }
    }

    private static String keyTypo(MapNode root, Random random) {
        List<String> paths = new ArrayList<>();
        collectKeys(root, "", paths);
        String path = paths.get(random.nextInt(paths.size()));
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot + 1);
        String key = path.substring(dot + 1);
        String typo = typo(key, random);
        return "+" + parent + typo + "=1";
    }

    private static String nameTypo(MapNode root, Random random) {
        List<String> paths = new ArrayList<>();
        collectNames(root, "", paths);
        String path = paths.get(random.nextInt(paths.size()));
        String name = (String) ((ScalarNode) io.pylon.config.Navigation.find(root,
                io.pylon.config.Navigation.split(path)).orElseThrow()).value();
        String typo;
        do {
            typo = typo(name, random);
        } while (allNames.contains(typo));
        return path + "=" + typo;
    }

    private static String wrongType(MapNode root, Random random) {
        List<String> paths = new ArrayList<>();
        collectLeaves(root, "", paths);
        String path = paths.get(random.nextInt(paths.size()));
        ScalarNode leaf = (ScalarNode) io.pylon.config.Navigation.find(root, io.pylon.config.Navigation.split(path))
                .orElseThrow();
        return path + "=" + (leaf.value() instanceof String ? "[1, 2]" : "not_a_number");
    }

    /** Every map key path, except inside maps whose keys are free-form. */
    private static void collectKeys(ConfigNode node, String path, List<String> out) {
        if (FREE_FORM.contains(path)) {
            return;
        }
        if (node instanceof MapNode map) {
            for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(child);
                collectKeys(e.getValue(), child, out);
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                collectKeys(list.items().get(i), path + "." + i, out);
            }
        }
    }

    /** Paths whose value is a component name. */
    private static void collectNames(ConfigNode node, String path, List<String> out) {
        if (node instanceof MapNode map) {
            map.entries().forEach((key, value) -> {
                String child = path.isEmpty() ? key : path + "." + key;
                if (key.equals("name") && value instanceof ScalarNode s && s.value() instanceof String
                        && !path.equals("experiment")) {
                    out.add(child);
                } else {
                    collectNames(value, child, out);
                }
            });
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                ConfigNode item = list.items().get(i);
                if (item instanceof ScalarNode s && s.value() instanceof String) {
                    out.add(path + "." + i);
                } else {
                    collectNames(item, path + "." + i, out);
                }
            }
        }
    }

    /** Scalar leaves, except free-form strings (names, paths, monitors) that any text would fit. */
    private static void collectLeaves(ConfigNode node, String path, List<String> out) {
        if (node instanceof MapNode map) {
            map.entries().forEach((key, value) -> collectLeaves(value, path.isEmpty() ? key : path + "." + key, out));
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                collectLeaves(list.items().get(i), path + "." + i, out);
            }
        } else if (node instanceof ScalarNode scalar && scalar.value() != null) {
            out.add(path);
        }
    }

    /** One edit: a letter inserted, dropped, doubled or two letters swapped; never the word itself. */
    private static String typo(String word, Random random) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        while (true) {
            int at = random.nextInt(word.length());
            String result = switch (random.nextInt(3)) {
                case 0 -> word.substring(0, at) + letters.charAt(random.nextInt(26)) + word.substring(at);
                case 1 -> word.length() > 2 ? word.substring(0, at) + word.substring(at + 1) : word + "x";
                default -> at + 1 < word.length()
                        ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2)
                        : word + word.charAt(at);
            };
            if (!result.equals(word)) {
                return result;
            }
        }
    }

    private static void copyExamples(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(ConfigCommandTest.EXAMPLES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(ConfigCommandTest.EXAMPLES.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
    }

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
