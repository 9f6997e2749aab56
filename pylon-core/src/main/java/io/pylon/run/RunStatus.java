package io.pylon.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The content of {@code status.json}: what a run says about itself, rewritten atomically (temp file +
 * rename) so a reader sees the previous or the next version, never half of one.
 *
 * @param state       what the run last declared
 * @param pid         its process id on {@code host}
 * @param host        the machine it runs on
 * @param started     when the run (or its latest resumption) started
 * @param heartbeat   the last sign of progress
 * @param ended       when it finished or failed; absent while running
 * @param step        the optimizer step at the last heartbeat
 * @param error       a one-line summary of the failure; empty unless failed
 * @param codeVersion see {@link CodeVersion}
 */
public record RunStatus(RunState state, long pid, String host, Instant started, Instant heartbeat,
                        Optional<Instant> ended, long step, String error, String codeVersion) {

    public static final String FILE = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunStatus withHeartbeat(Instant now, long atStep) {
        return new RunStatus(state, pid, host, started, now, ended, atStep, error, codeVersion);
    }

    public RunStatus ended(RunState finalState, Instant now, String errorSummary) {
        return new RunStatus(finalState, pid, host, started, now, Optional.of(now), step, errorSummary, codeVersion);
    }

    public void write(Path file) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        doc.put("pid", pid);
        doc.put("host", host);
        doc.put("started", started.toString());
        doc.put("heartbeat", heartbeat.toString());
        doc.put("ended", ended.map(Instant::toString).orElse(null));
        doc.put("step", step);
        doc.put("error", error);
        doc.put("code_version", codeVersion);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The status in {@code file}; empty if the run predates status files or the file is unreadable. */
    public static Optional<RunStatus> read(Path file) {
        try {
            JsonNode doc = JSON.readTree(Files.readAllBytes(file));
            String ended = doc.path("ended").asText("");
            return Optional.of(new RunStatus(
                    RunState.valueOf(doc.path("state").asText().toUpperCase(java.util.Locale.ROOT)),
                    doc.path("pid").asLong(), doc.path("host").asText(),
                    Instant.parse(doc.path("started").asText()), Instant.parse(doc.path("heartbeat").asText()),
                    ended.isEmpty() || doc.path("ended").isNull() ? Optional.empty() : Optional.of(Instant.parse(ended)),
                    doc.path("step").asLong(), doc.path("error").asText(""), doc.path("code_version").asText("")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // a viewer must keep going on a damaged file: it is shown as "unknown", the run dir stays the truth
            return Optional.empty();
        }
    }

    /** This machine's name, as written in {@code host}. */
    public static String thisHost() {
        return Host.NAME;
    }

    /** Looked up once: a name lookup can be slow and the host does not change under a running JVM. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
