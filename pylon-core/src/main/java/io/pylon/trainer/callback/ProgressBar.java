package io.pylon.trainer.callback;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Per-epoch progress with loss, learning rate, samples/s (tokens/s for sequence models), ETA and the largest phases
 * of the last profiled step; an epoch that {@code max_steps} will cut short counts up to that step. On a terminal
 * it draws a bar; when the
 * output is a file or pipe (CI, nohup) it logs a line every {@code log_percent} percent instead of
 * flooding the log with carriage returns.
 */
public final class ProgressBar implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressBar.class);

    /** Parameters of the {@code progress_bar} callback. */
    public record Params(@Default("10") int logPercent) {
        public Params {
            InvalidValueException.require(logPercent >= 1 && logPercent <= 100, "log_percent",
                    "must be in [1, 100], got %d", logPercent);
        }
    }

    private final Params params;
    private final boolean terminal;
    private me.tongfei.progressbar.ProgressBar bar;
    private long epochStartNanos;
    private long epochSamples;
    private long epochTokens;
    private long nextLogBatch;

    public ProgressBar(Params params) {
        this.params = params;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    @Override
    public String name() {
        return "progress_bar";
    }

    /** A resumed run starts mid-epoch without an epoch-start hook, so the counters start here too. */
    @Override
    public void onFitStart(TrainerView trainer) {
        epochStartNanos = trainer.ticker().nanos();
        nextLogBatch = trainer.position().batchInEpoch() + step(trainer);
    }

    @Override
    public void onEpochStart(TrainerView trainer, int epoch) {
        epochStartNanos = trainer.ticker().nanos();
        epochSamples = 0;
        epochTokens = 0;
        nextLogBatch = step(trainer);
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format("epoch %d/%d", epoch + 1, trainer.config().maxEpochs()))
                    .setInitialMax(horizon(trainer))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setMaxRenderedLength(120)
                    .build();
        }
    }

    private long step(TrainerView trainer) {
        return Math.max(1, horizon(trainer) * params.logPercent() / 100);
    }

    /** Batches this epoch will run: all of them, or fewer when max_steps ends training inside it. */
    private static long horizon(TrainerView trainer) {
        long all = trainer.batchesPerEpoch();
        long maxSteps = trainer.config().maxSteps();
        if (maxSteps <= 0) {
            return all;
        }
        var at = trainer.position();
        long left = (maxSteps - at.globalStep()) * trainer.config().accumulateGradBatches();
        return Math.max(1, Math.min(all, at.batchInEpoch() + left));
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult result) {
        epochSamples += result.samples();
        epochTokens += result.tokens();
        double seconds = (trainer.ticker().nanos() - epochStartNanos) / 1e9;
        double samplesPerSecond = seconds > 0 ? epochSamples / seconds : 0;
        String speed = epochTokens > 0
                ? String.format(Locale.ROOT, "%.0f tokens/s", seconds > 0 ? epochTokens / seconds : 0)
                : String.format(Locale.ROOT, "%.0f samples/s", samplesPerSecond);
        // the message reads the loss, which waits for the device: build it only when it is shown
        Supplier<String> message = () -> String.format(Locale.ROOT, "loss %.4f lr %.3g %s",
                result.loss(), trainer.learningRates().get(0), speed)
                + trainer.profiler().last().map(timings -> " | " + timings.summary()).orElse("");
        if (bar != null) {
            bar.stepTo(result.batchInEpoch());
            bar.setExtraMessage(message.get());
        } else if (result.batchInEpoch() >= nextLogBatch) {
            nextLogBatch += step(trainer);
            long remaining = horizon(trainer) - result.batchInEpoch();
            double perBatch = seconds / Math.max(1, epochSamples) * result.samples();
            LOG.info("epoch {} {}/{} {} eta {}", result.epoch() + 1, result.batchInEpoch(), horizon(trainer),
                    message.get(), format(Duration.ofMillis((long) (remaining * perBatch * 1000))));
        }
    }

    @Override
    public void onEpochEnd(TrainerView trainer, EvalResult train) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        LOG.info("epoch {} done in {}: train {}", train.epoch() + 1,
                format(Duration.ofNanos(trainer.ticker().nanos() - epochStartNanos)), EvalFormat.values(train));
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        LOG.info("{} at step {}: {}", result.split(), result.globalStep(), EvalFormat.values(result));
    }

    @Override
    public void onTestEnd(TrainerView trainer, EvalResult result) {
        onValidationEnd(trainer, result);
    }

    @Override
    public void onFitEnd(TrainerView trainer) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String format(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
