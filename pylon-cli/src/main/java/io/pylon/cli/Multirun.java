package io.pylon.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.Components;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.ExperimentConfig;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.RunSpec;
import io.pylon.tune.sweep.SweepPlan;

/**
 * {@code pylon train -m CONFIG a=1,2 b=x,y [--jobs N]}: every run of the sweep's cross product is a normal
 * run directory {@code <runs_dir>/<experiment>/multirun-<time>/<i>}; all runs' configs are resolved before
 * the first starts; runs go one after another in this process, or N at a time as child processes; a summary
 * table of each run's last validation and test values ends it (also in {@code summary.tsv}).
 */
final class Multirun {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Multirun() {
    }

    static int run(List<String> arguments, int jobs) {
        if (arguments.isEmpty()) {
            throw new PylonUserException("missing CONFIG.yaml: usage `pylon train -m CONFIG.yaml key=v1,v2 ... [--jobs N]`");
        }
        if (jobs < 1) {
            throw new PylonUserException("--jobs must be >= 1, got " + jobs);
        }
        Path config = Path.of(arguments.getFirst());
        List<String> fixed = new ArrayList<>();
        List<String> swept = new ArrayList<>();
        for (String argument : arguments.subList(1, arguments.size())) {
            (argument.startsWith("+") || argument.startsWith("~") ? fixed : swept).add(argument);
        }
        SweepPlan plan = SweepPlan.of(swept);
        Components components = StandardComponents.withPlugins();
        ExperimentConfig experiment = null;
        for (List<String> run : plan.runs()) {
            List<String> overrides = new ArrayList<>(fixed);
            overrides.addAll(run);
            RunSpec resolved = RunResolver.resolve(Config.load(config, overrides), components);
            experiment = experiment == null ? resolved.experiment() : experiment;
        }
        Path parent = Path.of(experiment.runsDir()).resolve(experiment.name());
        Path sweepDir = sweepDir(parent);
        writeAtomically(sweepDir.resolve("sweep.tsv"), planTable(plan));
        System.out.println("multirun: " + plan.runs().size() + " runs in " + sweepDir);

        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            List<String> command = new ArrayList<>(List.of("train", config.toString()));
            command.addAll(fixed);
            command.addAll(plan.runs().get(i));
            command.add("experiment.runs_dir=" + parent);
            command.add("experiment.name=" + sweepDir.getFileName());
            command.add("experiment.run_name=" + i);
            commands.add(command);
        }
        int[] codes = jobs == 1 ? sequential(commands) : parallel(commands, sweepDir, jobs);
        String summary = summary(plan, sweepDir, codes);
        writeAtomically(sweepDir.resolve("summary.tsv"), summary);
        System.out.print(summary.replace('\t', ' '));
        for (int code : codes) {
            if (code != 0) {
                return 1;
            }
        }
        return 0;
    }

    private static Path sweepDir(Path parent) {
        String base = "multirun-" + LocalDateTime.now().format(STAMP);
        Path dir = parent.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(base + "-" + i);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static int[] sequential(List<List<String>> commands) {
        int[] codes = new int[commands.size()];
        for (int i = 0; i < commands.size(); i++) {
            System.out.println("multirun: run " + i + ": " + String.join(" ", commands.get(i).subList(2, commands.get(i).size() - 3)));
            codes[i] = Main.run(commands.get(i).toArray(String[]::new));
        }
        return codes;
    }

    private static int[] parallel(List<List<String>> commands, Path sweepDir, int jobs) {
        int[] codes = new int[commands.size()];
        Map<Integer, LocalProcesses.Child> running = new LinkedHashMap<>();
        int next = 0;
        while (next < commands.size() || !running.isEmpty()) {
            while (running.size() < jobs && next < commands.size()) {
                running.put(next, LocalProcesses.start(commands.get(next), sweepDir.resolve("run-" + next + ".log")));
                next++;
            }
            for (Iterator<Map.Entry<Integer, LocalProcesses.Child>> it = running.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, LocalProcesses.Child> entry = it.next();
                if (!entry.getValue().process().isAlive()) {
                    codes[entry.getKey()] = entry.getValue().process().exitValue();
                    it.remove();
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                running.values().forEach(c -> c.process().destroy());
                Thread.currentThread().interrupt();
                throw new IllegalStateException("multirun interrupted", e);
            }
        }
        return codes;
    }

    private static String planTable(SweepPlan plan) {
        StringBuilder table = new StringBuilder("run\toverrides\n");
        for (int i = 0; i < plan.runs().size(); i++) {
            table.append(i).append('\t').append(String.join(" ", plan.runs().get(i))).append('\n');
        }
        return table.toString();
    }

    /** One row per run: its overrides, exit status and the last val and test value of each metric. */
    static String summary(SweepPlan plan, Path sweepDir, int[] codes) {
        List<Map<String, Double>> values = new ArrayList<>();
        TreeSet<String> columns = new TreeSet<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            Map<String, Double> last = new LinkedHashMap<>();
            Path metrics = sweepDir.resolve(Integer.toString(i)).resolve(RunDirectory.METRICS);
            if (Files.isRegularFile(metrics)) {
                for (JsonNode record : MetricsLog.read(metrics)) {
                    String split = record.path("split").asText();
                    if (!split.equals("val") && !split.equals("test")) {
                        continue;
                    }
                    record.fields().forEachRemaining(f -> {
                        if (f.getValue().isNumber() && !f.getKey().equals("step") && !f.getKey().equals("epoch")) {
                            last.put(split + "/" + f.getKey(), f.getValue().asDouble());
                        }
                    });
                }
            }
            columns.addAll(last.keySet());
            values.add(last);
        }
        StringBuilder table = new StringBuilder("run\tstatus");
        columns.forEach(c -> table.append('\t').append(c));
        table.append("\toverrides\n");
        for (int i = 0; i < plan.runs().size(); i++) {
            table.append(i).append('\t').append(codes[i] == 0 ? "ok" : "failed(" + codes[i] + ")");
            for (String c : columns) {
                Double v = values.get(i).get(c);
                table.append('\t').append(v == null ? "-" : String.format(Locale.ROOT, "%.4f", v));
            }
            table.append('\t').append(String.join(" ", plan.runs().get(i))).append('\n');
        }
        return table.toString();
    }

    private static void writeAtomically(Path file, String text) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
