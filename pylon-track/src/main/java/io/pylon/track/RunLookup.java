package io.pylon.track;

import java.util.List;

import io.pylon.PylonUserException;

/** Finds the run a user names: its id ({@code experiment/run}), a unique run name, or a unique id suffix. */
public final class RunLookup {

    private RunLookup() {
    }

    public static IndexedRun find(List<IndexedRun> runs, String reference) {
        String ref = reference.replace('\\', '/');
        while (ref.endsWith("/")) {
            ref = ref.substring(0, ref.length() - 1);
        }
        for (IndexedRun run : runs) {
            if (run.id().equals(ref)) {
                return run;
            }
        }
        String suffix = ref;
        List<IndexedRun> matches = runs.stream()
                .filter(r -> r.name().equals(suffix) || r.id().endsWith("/" + suffix) || suffix.endsWith("/" + r.id()))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new PylonUserException("no run '" + reference + "' in the index; `pylon runs list` shows the runs"
                    + " (name one as experiment/run)");
        }
        throw new PylonUserException("run '" + reference + "' is ambiguous: " + String.join(", ",
                matches.stream().map(IndexedRun::id).limit(10).toList()) + "; name it as experiment/run");
    }
}
