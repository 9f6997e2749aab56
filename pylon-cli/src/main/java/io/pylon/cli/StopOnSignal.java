package io.pylon.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import io.pylon.trainer.Trainer;

/**
 * Turns SIGTERM (what Slurm sends a preempted job) and SIGINT (Ctrl-C) into a stop request: the signal
 * thread only sets the trainer's stop flag; the training thread finishes its optimizer step, the checkpoint
 * callback writes {@code last.ckpt} as fit ends, and the command exits with {@code 128 + signal number}
 * (143 for SIGTERM, 130 for SIGINT). A second signal of the same kind exits at once, as without this handler.
 */
final class StopOnSignal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile Signal received;

    private StopOnSignal() {
    }

    static StopOnSignal install(Trainer trainer) {
        StopOnSignal stop = new StopOnSignal();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                stop.previous.put(signal, Signal.handle(signal, s -> stop.handle(s, trainer)));
            } catch (IllegalArgumentException e) {
                // the JVM reserves the signal (e.g. started with -Xrs): keep its default behaviour
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return stop;
    }

    private void handle(Signal signal, Trainer trainer) {
        if (received != null) {
            LOG.warn("SIG{} again: exiting without waiting for the step to end", signal.getName());
            SignalHandler before = previous.get(signal);
            if (before != null && before != SignalHandler.SIG_DFL && before != SignalHandler.SIG_IGN) {
                before.handle(signal);
            } else {
                Runtime.getRuntime().exit(128 + signal.getNumber());
            }
            return;
        }
        received = signal;
        LOG.warn("SIG{} received: stopping after the current step and saving checkpoints/last.ckpt (send it again"
                + " to exit at once)", signal.getName());
        trainer.requestStop("SIG" + signal.getName());
    }

    /** {@code 128 + signal number} when a signal stopped the run. */
    OptionalInt exitCode() {
        Signal signal = received;
        return signal == null ? OptionalInt.empty() : OptionalInt.of(128 + signal.getNumber());
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
