package io.pylon.trainer.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.engine.Tensors;
import io.pylon.nn.ModuleTensors;
import io.pylon.run.RunStatus;
import io.pylon.run.tensorboard.EventFileWriter;
import io.pylon.run.tensorboard.Histogram;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Writes a TensorBoard event file into the run directory ({@code tensorboard --logdir runs/} shows every
 * run): the resolved config as text at fit start, {@code train/loss} and {@code train/lr} every
 * {@code every_n_steps} steps, each epoch's training metrics ({@code train_epoch/...}), every evaluation
 * ({@code val/...}, {@code test/...}) and, with {@code histograms: true}, each parameter's values at
 * every epoch end ({@code weights/<name>}).
 */
public final class TensorBoard implements Callback {

    /**
     * Parameters of the {@code tensorboard} callback.
     *
     * @param everyNSteps step scalars every N optimizer steps (>= 1)
     * @param histograms  write weight histograms at each epoch end (costs a copy of every parameter)
     * @param buckets     buckets per histogram, in [1, 1000]
     */
    public record Params(@Default("1") int everyNSteps, @Default("false") boolean histograms,
                         @Default("30") int buckets) {
        public Params {
            InvalidValueException.require(everyNSteps >= 1, "every_n_steps", "must be >= 1, got %d", everyNSteps);
            InvalidValueException.require(buckets >= 1 && buckets <= 1000, "buckets",
                    "must be in [1, 1000], got %d", buckets);
        }
    }

    private final Params params;
    private final Clock clock;
    private EventFileWriter writer;
    private Path file;

    public TensorBoard(Params params) {
        this(params, Clock.systemUTC());
    }

    TensorBoard(Params params, Clock clock) {
        this.params = params;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "tensorboard";
    }

    @Override
    public void onFitStart(TrainerView trainer) {
        EventFileWriter events = writer(trainer);
        long step = trainer.position().globalStep();
        Path config = trainer.runDirectory().config();
        if (!Files.isRegularFile(config)) {
            return; // a trainer built in code, without a config file
        }
        try {
            String yaml = Files.readString(config, StandardCharsets.UTF_8);
            // four-space indent: a Markdown code block, so TensorBoard keeps the YAML's layout
            events.text("config", step, yaml.indent(4));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + config, e);
        }
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
        if (step.globalStep() % params.everyNSteps() != 0) {
            return;
        }
        EventFileWriter events = writer(trainer);
        events.scalar("train/loss", step.globalStep(), step.loss());
        events.scalar("train/lr", step.globalStep(), trainer.learningRates().get(0));
        if (!Double.isNaN(step.gradNorm())) {
            events.scalar("train/grad_norm", step.globalStep(), step.gradNorm());
        }
    }

    @Override
    public void onEpochEnd(TrainerView trainer, EvalResult train) {
        scalars(trainer, "train_epoch", train.globalStep(), train.values());
        if (params.histograms()) {
            EventFileWriter events = writer(trainer);
            try (PointerScope scope = new PointerScope()) {
                for (Map.Entry<String, Tensor> p : ModuleTensors.parameters(trainer.model().module()).entrySet()) {
                    events.histogram("weights/" + p.getKey(), train.globalStep(),
                            Histogram.of(Tensors.toFloats(p.getValue()), params.buckets()));
                }
            }
        }
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        scalars(trainer, result.split(), result.globalStep(), result.values());
    }

    @Override
    public void onFitEnd(TrainerView trainer) {
        close();
    }

    /** The test split comes after fit closed the file: append to it, then close it again. */
    @Override
    public void onTestEnd(TrainerView trainer, EvalResult result) {
        scalars(trainer, result.split(), result.globalStep(), result.values());
        close();
    }

    @Override
    public void onException(TrainerView trainer, Throwable error) {
        close();
    }

    private void scalars(TrainerView trainer, String split, long step, Map<String, Double> values) {
        EventFileWriter events = writer(trainer);
        values.forEach((name, value) -> events.scalar(split + "/" + name, step, value));
    }

    /** Opens the run's event file on first use; after fit closed it (test runs later) it is appended to. */
    private EventFileWriter writer(TrainerView trainer) {
        if (writer == null) {
            writer = file == null
                    ? EventFileWriter.create(trainer.runDirectory().path(), RunStatus.thisHost(), clock)
                    : EventFileWriter.reopen(file, clock);
            file = writer.file();
        }
        return writer;
    }

    private void close() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
