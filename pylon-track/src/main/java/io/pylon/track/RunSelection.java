package io.pylon.track;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.pylon.PylonUserException;
import io.pylon.run.RunHealth;

/** The runs a command works on: by experiment, by status, and by {@code --where} conditions (all must hold). */
public record RunSelection(List<String> experiments, Set<RunHealth> statuses, List<RunFilter> where) {

    public static RunSelection parse(List<String> experiments, List<String> statuses, List<String> where) {
        Set<RunHealth> health = statuses.stream().flatMap(s -> List.of(s.split(",")).stream())
                .map(String::trim).filter(s -> !s.isEmpty()).map(RunSelection::health).collect(Collectors.toSet());
        return new RunSelection(List.copyOf(experiments), health, where.stream().map(RunFilter::parse).toList());
    }

    private static RunHealth health(String text) {
        try {
            return RunHealth.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PylonUserException("--status '" + text + "' is not a run status; use one of: "
                    + java.util.Arrays.stream(RunHealth.values()).map(RunHealth::label).collect(Collectors.joining(", ")));
        }
    }

    public List<IndexedRun> apply(List<IndexedRun> runs) {
        return runs.stream()
                .filter(r -> experiments.isEmpty() || experiments.contains(r.experiment()))
                .filter(r -> statuses.isEmpty() || statuses.contains(r.health()))
                .filter(r -> where.stream().allMatch(f -> f.test(r)))
                .toList();
    }
}
