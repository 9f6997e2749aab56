package io.pylon.cli.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.tune.storage.StudyStorage;
import io.pylon.tune.study.StudyInfo;
import io.pylon.tune.study.Trial;

/** The options every {@code pylon study} subcommand takes, and lookups they share. */
final class StudyOptions {

    @Option(names = "--storage", required = true, description = "sqlite:PATH or postgresql://user@host:port/db")
    String storage;

    @Option(names = "--study", required = true, description = "study name")
    String study;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    /** The stored study, or a user error listing the studies there. */
    StudyInfo existing(StudyStorage store) {
        return store.findStudy(study).orElseThrow(() -> new PylonUserException("no study '" + study + "' in "
                + storage + "; studies there: " + store.studies().stream().map(StudyInfo::name).toList()
                + " (create one with `pylon study ask ... --space JSON`)"));
    }

    /** A trial as {@code pylon study} prints it. */
    static Map<String, Object> json(Trial t, boolean withIntermediate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", t.number());
        m.put("state", t.state().label());
        m.put("values", t.values().stream().map(v -> Double.isNaN(v) ? null : v).toList());
        m.put("params", t.params());
        if (withIntermediate) {
            Map<String, Double> steps = new LinkedHashMap<>();
            t.intermediate().forEach((k, v) -> steps.put(Integer.toString(k), Double.isNaN(v) ? null : v));
            m.put("intermediate", steps);
            m.put("retry_of", t.retryOf() >= 0 ? t.retryOf() : null);
            m.put("started_ms", t.startedMillis());
            m.put("finished_ms", t.finishedMillis() > 0 ? t.finishedMillis() : null);
            m.put("run_dir", t.runDirectory().isEmpty() ? null : t.runDirectory());
        }
        return m;
    }

    static List<Map<String, Object>> json(List<Trial> trials, boolean withIntermediate) {
        return trials.stream().map(t -> json(t, withIntermediate)).toList();
    }
}
