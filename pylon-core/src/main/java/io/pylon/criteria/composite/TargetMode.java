package io.pylon.criteria.composite;

/** How {@link DeepSupervisionLoss} resizes the target to each output's spatial size. */
public enum TargetMode {
    /** Nearest neighbour (source index {@code floor(i * in / out)}), for class labels and masks. */
    NEAREST,
    /** Linear, bilinear or trilinear for 1, 2 or 3 spatial axes ({@code align_corners = false}), for continuous targets. */
    LINEAR
}
