package io.pylon.models.weights;

/**
 * How {@link Weights#load} treats names that do not line up.
 *
 * @param strict every model tensor must be in the file and every file tensor must exist in the model; when
 *     false, missing and unexpected names are reported (and logged) and the matching ones are loaded. Shape
 *     mismatches are refused either way: silently skipping a resized layer would hide a wrong architecture.
 */
public record LoadOptions(boolean strict) {

    public static LoadOptions strictLoad() {
        return new LoadOptions(true);
    }

    /** Loads what matches by name, the usual choice when fine-tuning with a new head. */
    public static LoadOptions partial() {
        return new LoadOptions(false);
    }
}
