package io.pylon.models;

import org.bytedeco.pytorch.Tensor;

/**
 * Where the class dimension of a model's output lies. The one convention of Pylon's losses and metrics is
 * PyTorch's: scores are {@code [N, C, *positions]} with targets {@code [N, *positions]}, the class dimension is
 * 1. A sequence model whose natural output is {@code [N, T, V]} (a vocabulary of V next tokens at each of T
 * positions, class dimension last) says so with {@link #CLASSES_LAST}, and the trainer hands losses and metrics
 * the view {@code [N, V, T]} (no copy), so every loss and metric takes {@code [N, T, V]} logits with
 * {@code [N, T]} targets. See docs/conventions.md.
 */
public enum OutputLayout {

    /** {@code [N, C, *positions]}: classification, segmentation, anything PyTorch's losses take as is. */
    CLASSES_FIRST,

    /** {@code [N, *positions, C]}: a language model's next-token logits {@code [N, T, V]}. */
    CLASSES_LAST;

    /** {@code output} in the losses' and metrics' layout, class dimension 1 (a view; no data is copied). */
    public Tensor toClassDimOne(Tensor output) {
        return this == CLASSES_LAST && output.dim() > 2 ? output.movedim(-1, 1) : output;
    }
}
