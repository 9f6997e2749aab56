package io.pylon.inference;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.config.ListNode;

/**
 * The {@code inference:} section of an experiment config (read by {@code pylon predict} from the run's saved
 * config, overridable on its command line as {@code inference.window.overlap=0.5}).
 *
 * @param window sliding-window settings
 * @param modes inference modes applied around the sliding window, in order ({@code tta}, {@code mc_dropout})
 * @param labels write the arg-max label map ({@code <case>_labels.<ext>})
 * @param probabilities write the class probabilities {@code [K, *S]} ({@code <case>_probabilities.<ext>})
 * @param format output format: {@code same} (as the input), {@code nifti}, {@code npy} or {@code tiff}
 * @param device where the model runs: {@code auto}, {@code cpu}, {@code cuda}, {@code cuda:N}
 * @param threads CPU threads for the model (0 = one per core)
 */
public record InferenceConfig(
        @Default("{}") WindowParams window,
        @Default("[]") ListNode modes,
        @Default("true") boolean labels,
        @Default("false") boolean probabilities,
        @Default("same") String format,
        @Default("auto") String device,
        @Default("0") int threads) {

    public InferenceConfig {
        InvalidValueException.require(labels || probabilities, "labels", "and probabilities are both false;"
                + " write at least one of them");
        InvalidValueException.require(format != null && java.util.List.of("same", "nifti", "npy", "tiff")
                .contains(format), "format", "must be same, nifti, npy or tiff, got '%s'", format);
        InvalidValueException.require(threads >= 0, "threads", "must be >= 0, got %d", threads);
    }
}
