package io.pylon.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.PylonUserException;

/**
 * A launch folder: {@code launch.json} (the manifest, written once, atomically), {@code journal.jsonl}
 * (one {@link JournalEvent} per line, appended and forced to disk as it happens) and {@code jobs/<id>/}
 * (each job's log and exit files). Replaying the journal gives every job's state, so a launcher that
 * was killed continues where it stopped, and {@code status}/{@code cancel} work from another process.
 */
public final class LaunchJournal {

    public static final String MANIFEST = "launch.json";
    public static final String JOURNAL = "journal.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final LaunchManifest manifest;

    private LaunchJournal(Path dir, LaunchManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Creates {@code dir} with its manifest; refuses a folder that already holds a launch. */
    public static LaunchJournal create(Path dir, LaunchManifest manifest) {
        if (Files.exists(dir.resolve(MANIFEST))) {
            throw new PylonUserException("launch " + dir + " already exists: choose another --name, or continue it"
                    + " with `pylon launch resume " + dir + "`");
        }
        try {
            Files.createDirectories(dir.resolve("jobs"));
            Path temp = dir.resolve(MANIFEST + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), manifest);
            move(temp, dir.resolve(MANIFEST));
            Files.createFile(dir.resolve(JOURNAL));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create launch " + dir + ": " + e.getMessage(), e);
        }
        return new LaunchJournal(dir, manifest);
    }

    /** An existing launch folder. */
    public static LaunchJournal open(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new PylonUserException(dir + " is not a launch (no " + MANIFEST + " in it); pass the folder that"
                    + " `pylon launch` printed, e.g. launches/<name>");
        }
        try {
            return new LaunchJournal(dir, JSON.readValue(file.toFile(), LaunchManifest.class));
        } catch (IOException e) {
            throw new PylonUserException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public LaunchManifest manifest() {
        return manifest;
    }

    /** {@code jobs/<id>/}, created on first use. */
    public Path jobDir(String jobId) {
        return jobDir(dir, jobId);
    }

    /** {@code <launchDir>/jobs/<id>/}, created on first use. */
    public static Path jobDir(Path launchDir, String jobId) {
        Path jobDir = launchDir.resolve("jobs").resolve(jobId);
        try {
            return Files.createDirectories(jobDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + jobDir + ": " + e.getMessage(), e);
        }
    }

    /** Appends one event and forces it to disk before returning. */
    public synchronized void append(JournalEvent event) {
        try (FileChannel channel = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.APPEND,
                StandardOpenOption.CREATE)) {
            channel.write(StandardCharsets.UTF_8.encode(JSON.writeValueAsString(event) + "\n"));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + dir.resolve(JOURNAL) + ": " + e.getMessage(), e);
        }
    }

    /** Every job's state, replayed from the journal (a torn last line, from a crash mid-write, is ignored). */
    public Map<String, JobStatus> statuses() {
        Map<String, JobStatus> statuses = new LinkedHashMap<>();
        for (Job job : manifest.jobs()) {
            statuses.put(job.id(), JobStatus.pending(job));
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(JOURNAL), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dir.resolve(JOURNAL) + ": " + e.getMessage(), e);
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JournalEvent event;
            try {
                event = JSON.readValue(line, JournalEvent.class);
            } catch (JsonProcessingException e) {
                continue;
            }
            statuses.computeIfPresent(event.job(), (id, status) -> status.apply(event));
        }
        return statuses;
    }

    /**
     * Holds {@code launcher.lock} while a launcher drives this launch, so that two launchers never start
     * the same jobs; released when the returned lock is closed or the process dies.
     */
    public AutoCloseable lockForLauncher() {
        try {
            FileChannel channel = FileChannel.open(dir.resolve("launcher.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new PylonUserException("launch " + dir + " is being driven by another `pylon launch` process;"
                        + " watch it with `pylon launch status " + dir + "`");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
