package io.pylon.trainer.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.config.Default;
import io.pylon.models.ModelSummary;
import io.pylon.trainer.TrainerView;

/**
 * Logs the {@link ModelSummary} at fit start and writes it to {@code model_summary.txt} in the run
 * directory, so the architecture a run trained stays next to its metrics. On by default; disable with
 * {@code {name: model_summary, enabled: false}}.
 *
 * @param maxDepth deepest module level listed (0 = the model only); -1 lists every level
 */
public record ModelSummaryCallback(@Default("-1") int maxDepth) implements Callback {

    public static final String NAME = "model_summary";
    public static final String FILE = "model_summary.txt";

    private static final Logger LOG = LoggerFactory.getLogger(ModelSummaryCallback.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onFitStart(TrainerView trainer) {
        String text = ModelSummary.of(trainer.model(), trainer.dataSpec(), maxDepth).render();
        LOG.info("model summary:\n{}", text);
        Path file = trainer.runDirectory().path().resolve(FILE);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
