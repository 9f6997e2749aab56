package io.pylon.models;

/**
 * One module of a {@link ModelSummary}: its place in the tree and its parameter counts.
 *
 * @param path dotted name from the model root ({@code ""} for the root itself)
 * @param depth nesting level, 0 for the root
 * @param type the module's class (a libtorch layer such as {@code Linear}, or {@code Module} for a
 *     container defined in Java, whose Java class libtorch does not know)
 * @param ownParams parameters registered directly on this module
 * @param totalParams parameters of this module and all its submodules
 * @param trainableParams the part of {@code totalParams} that requires gradients
 * @param frozenParams the part of {@code totalParams} that does not
 */
public record ModuleRow(String path, int depth, String type, long ownParams, long totalParams,
        long trainableParams, long frozenParams) {

    /** The last segment of {@link #path}, what the indented tree shows. */
    public String shortName() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
