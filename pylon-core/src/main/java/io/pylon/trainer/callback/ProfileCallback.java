package io.pylon.trainer.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.trainer.TrainerView;
import io.pylon.trainer.profile.Phase;
import io.pylon.trainer.profile.PhaseListener;

/**
 * The {@code profile} callback: records every phase of steps {@code start .. start + steps - 1}
 * (synchronised with the device) and writes them to {@code <run>/profile/trace.json} in Chrome's
 * trace-event format (open it in {@code chrome://tracing} or ui.perfetto.dev): one complete event
 * ({@code "ph": "X"}) per phase, plus one per step spanning its phases.
 * A run that ends inside the window writes what it traced.
 */
public final class ProfileCallback implements Callback {

    public static final String NAME = "profile";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileCallback.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parameters of the {@code profile} callback.
     *
     * @param start first step to trace (1-based; skip the first steps, which warm up allocators)
     * @param steps how many steps to trace
     */
    public record Params(@Default("5") long start, @Default("10") int steps) {
        public Params {
            InvalidValueException.require(start >= 1, "start", "must be >= 1 (steps count from 1), got %d", start);
            InvalidValueException.require(steps >= 1, "steps", "must be >= 1, got %d", steps);
        }
    }

    private final Params params;
    private TraceRecorder recorder;

    public ProfileCallback(Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onFitStart(TrainerView trainer) {
        long last = params.start() + params.steps() - 1;
        recorder = new TraceRecorder(trainer.runDirectory().path().resolve("profile").resolve("trace.json"), last);
        trainer.profiler().listen(params.start(), last, recorder);
    }

    @Override
    public void onFitEnd(TrainerView trainer) {
        if (recorder != null) {
            recorder.finish();
        }
    }

    /** Collects events and writes the trace once the last traced step ended. */
    static final class TraceRecorder implements PhaseListener {

        private final Path file;
        private final long lastStep;
        private final List<Map<String, Object>> events = new ArrayList<>();
        private long origin = Long.MIN_VALUE;
        private long currentStep = -1;
        private long stepStart;
        private boolean written;

        TraceRecorder(Path file, long lastStep) {
            this.file = file;
            this.lastStep = lastStep;
        }

        @Override
        public void onPhase(long step, Phase phase, long startNanos, long endNanos) {
            if (origin == Long.MIN_VALUE) {
                origin = startNanos;
            }
            if (step != currentStep) {
                currentStep = step;
                stepStart = startNanos;
            }
            events.add(event(phase.key(), "phase", startNanos, endNanos, Map.of("step", step)));
            if (phase == Phase.CALLBACKS) {
                events.add(event("step " + step, "step", stepStart, endNanos, Map.of("step", step)));
                if (step == lastStep) {
                    finish();
                }
            }
        }

        /** Writes the trace once (at the window's end, or at fit end if the run stopped inside it). */
        void finish() {
            if (!written && !events.isEmpty()) {
                written = true;
                write();
            }
        }

        private Map<String, Object> event(String name, String category, long startNanos, long endNanos,
                Map<String, Object> args) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", name);
            e.put("cat", category);
            e.put("ph", "X");
            e.put("ts", (startNanos - origin) / 1000.0);
            e.put("dur", (endNanos - startNanos) / 1000.0);
            e.put("pid", 1);
            e.put("tid", category.equals("step") ? 1 : 2);
            e.put("args", args);
            return e;
        }

        private void write() {
            try {
                Files.createDirectories(file.getParent());
                Path temp = file.resolveSibling(file.getFileName() + ".tmp");
                JSON.writeValue(temp.toFile(), Map.of("traceEvents", events, "displayTimeUnit", "ms"));
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("profile: wrote {} events of {} steps to {}", events.size(), countSteps(), file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the trace " + file + ": " + e.getMessage(), e);
            }
        }

        private long countSteps() {
            return events.stream().filter(e -> e.get("cat").equals("step")).count();
        }
    }
}
