package io.pylon.tune.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.StudyInfo;
import io.pylon.tune.study.Trial;

/**
 * The results of a search, written into the study folder (each file atomically): {@code best.yaml} (the
 * experiment with the best trial's parameters, runnable with {@code pylon train}; for several objectives one
 * {@code best-<n>.yaml} per Pareto-optimal trial), {@code trials.tsv} and {@code importances.tsv}.
 */
public final class StudyReport {

    private StudyReport() {
    }

    /** Writes the files and returns a short text summary for the console. */
    public static String write(TuneSetup setup, Study study) {
        List<Trial> trials = study.trials();
        StudyInfo info = study.info();
        List<Trial> best = Study.best(trials, info);
        try {
            Files.createDirectories(setup.studyDir());
            if (!info.multiObjective() && !best.isEmpty()) {
                atomicWrite(setup.studyDir().resolve("best.yaml"), bestYaml(setup, best.getFirst()));
            }
            if (info.multiObjective()) {
                for (Trial t : best) {
                    atomicWrite(setup.studyDir().resolve("best-" + t.number() + ".yaml"), bestYaml(setup, t));
                }
            }
            atomicWrite(setup.studyDir().resolve("trials.tsv"), trialsTable(study.space(), info, trials));
            Map<String, Double> importances = info.multiObjective() ? Map.of() : Importances.of(study.space(), trials);
            StringBuilder tsv = new StringBuilder("param\timportance\n");
            importances.forEach((k, v) -> tsv.append(k).append('\t').append(String.format(Locale.ROOT, "%.4f", v)).append('\n'));
            atomicWrite(setup.studyDir().resolve("importances.tsv"), tsv.toString());
            return summary(info, trials, best, importances, setup.studyDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the results of study " + info.name() + ": " + e.getMessage(), e);
        }
    }

    private static String bestYaml(TuneSetup setup, Trial best) {
        String header = "# study " + setup.study() + ", trial " + best.number() + ": " + setup.objectives() + " = "
                + best.values() + "\n# run it with: pylon train <this file>\n";
        return header + setup.base().withOverrides(ParamOverrides.of(best.params())).toYaml();
    }

    public static String trialsTable(SearchSpace space, StudyInfo info, List<Trial> trials) {
        StringBuilder table = new StringBuilder("number\tstate");
        info.objectives().forEach(o -> table.append('\t').append(o));
        for (Param p : space.params()) {
            table.append('\t').append(p.name());
        }
        table.append("\tsteps\tseconds\trun_dir\n");
        for (Trial t : trials) {
            table.append(t.number()).append('\t').append(t.state().label());
            for (int k = 0; k < info.objectives().size(); k++) {
                table.append('\t').append(k < t.values().size() ? format(t.values().get(k)) : "");
            }
            for (Param p : space.params()) {
                Object v = t.params().get(p.name());
                table.append('\t').append(v == null ? "" : v instanceof Double d ? format(d) : v);
            }
            int steps = t.intermediate().isEmpty() ? 0 : t.intermediate().lastKey();
            double seconds = t.finishedMillis() > 0 ? (t.finishedMillis() - t.startedMillis()) / 1000.0 : 0;
            table.append('\t').append(steps).append('\t').append(String.format(Locale.ROOT, "%.1f", seconds))
                    .append('\t').append(t.runDirectory()).append('\n');
        }
        return table.toString();
    }

    private static String summary(StudyInfo info, List<Trial> trials, List<Trial> best, Map<String, Double> importances,
            Path dir) {
        StringBuilder out = new StringBuilder();
        Map<String, Long> states = new TreeMap<>();
        trials.forEach(t -> states.merge(t.state().label(), 1L, Long::sum));
        out.append("study ").append(info.name()).append(": ").append(trials.size()).append(" trials ").append(states)
                .append('\n');
        for (Trial t : best) {
            out.append(info.multiObjective() ? "pareto" : "best").append(": trial ").append(t.number()).append(' ')
                    .append(info.objectives()).append(" = ").append(t.values()).append(' ').append(t.params()).append('\n');
        }
        if (!importances.isEmpty()) {
            List<String> parts = new ArrayList<>();
            importances.forEach((k, v) -> parts.add(k + " " + String.format(Locale.ROOT, "%.2f", v)));
            out.append("importances: ").append(String.join(", ", parts)).append('\n');
        }
        out.append("results: ").append(dir).append(" (best.yaml, trials.tsv, importances.tsv)");
        return out.toString();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static void atomicWrite(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
