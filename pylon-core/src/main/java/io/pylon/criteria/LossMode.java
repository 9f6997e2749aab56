package io.pylon.criteria;

/**
 * How an overlap or focal loss reads its inputs. {@code multiclass}: logits (N, C, *spatial) through a softmax
 * over dim 1 against class indices (N, *spatial). {@code binary}: logits through a sigmoid against {0, 1}
 * float targets of the same shape.
 */
enum LossMode {
    MULTICLASS,
    BINARY
}
