package io.pylon.track;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.pylon.run.RunDirectory;

/**
 * Finds run directories (folders holding a {@code config.yaml}) under a runs root, up to a few levels
 * deep ({@code runs/<experiment>/<run>}, or sweeps one level further). Symbolic links are not followed,
 * so nothing outside the root is indexed.
 */
final class RunFinder {

    private static final int MAX_DEPTH = 4;

    private RunFinder() {
    }

    /** Run directories as ids relative to {@code root}, with '/' separators, sorted. */
    static List<String> find(Path root) {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return ids;
        }
        collect(root, root, 0, ids);
        ids.sort(null);
        return ids;
    }

    private static void collect(Path root, Path dir, int depth, List<String> ids) {
        if (depth > 0 && Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
            ids.add(root.relativize(dir).toString().replace('\\', '/'));
            return;
        }
        if (depth == MAX_DEPTH) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                // hidden folders hold tool state; a run's own checkpoints never hold runs
                if (!name.startsWith(".") && Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    collect(root, child, depth + 1, ids);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
