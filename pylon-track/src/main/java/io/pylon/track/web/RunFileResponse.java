package io.pylon.track.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.pylon.run.RunDirectory;
import io.pylon.track.RunIndex;

/**
 * A file of a run directory, served as a download or as text: {@code /file/<experiment>/<run>/<path>}.
 * The path must resolve (symbolic links followed) inside the runs root, lie inside a run directory and
 * have no hidden segment (the index itself lives at the root as a dot-file); anything else is 404.
 */
record RunFileResponse(Path file, long size, String contentType, String disposition) {

    private static final Set<String> TEXT = Set.of(".log", ".txt", ".yaml", ".yml", ".jsonl", ".json", ".csv");

    static RunFileResponse of(RunIndex index, String relative) {
        if (relative.isEmpty() || relative.contains("\\")) {
            throw new NotFound();
        }
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                throw new NotFound();
            }
        }
        Path file = index.resolve(relative).orElseThrow(NotFound::new);
        if (!Files.isRegularFile(file) || !insideRun(index.root(), file)) {
            throw new NotFound();
        }
        try {
            String name = file.getFileName().toString();
            boolean text = TEXT.stream().anyMatch(name::endsWith);
            return new RunFileResponse(file, Files.size(file), text ? "text/plain; charset=utf-8" : "application/octet-stream",
                    (text ? "inline" : "attachment") + "; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        } catch (IOException e) {
            throw new NotFound();
        }
    }

    private static boolean insideRun(Path root, Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RunDirectory.CONFIG))) {
                return true;
            }
        }
        return false;
    }

    InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
