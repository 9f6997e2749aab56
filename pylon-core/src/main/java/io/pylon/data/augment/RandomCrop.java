package io.pylon.data.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Crops a window of {@code size} at a uniformly drawn position, like torchvision's {@code RandomCrop}: the
 * sample is first padded by {@code padding} on every side of every spatial axis (constant
 * {@code padding_value} for the input, {@code target_padding_value} for a dense target), and, with
 * {@code pad_if_needed}, an axis still shorter than the crop is padded by the shortfall on both sides.
 * Without it, a too-small sample is a data error naming the sample.
 *
 * <p><b>Foreground rejection sampling.</b> With {@code min_foreground_ratio > 0} and a dense target, the
 * position is redrawn until the fraction of crop points whose target differs from {@code background} (in any
 * target slice; padding counts as background) is at least the ratio, at most {@code max_attempts} draws.
 * When no draw reaches it, the crop is the attempt with the highest fraction (the first of equals). Samples
 * without a dense target are cropped at the first draw.
 *
 * @param size crop extents, one per spatial axis ({@code [H, W]} or {@code [D, H, W]}), each >= 1
 * @param padding constant padding on every side before cropping, >= 0
 * @param padIfNeeded pad axes still shorter than the crop instead of failing
 * @param paddingValue input value in padding
 * @param targetPaddingValue dense-target value in padding
 * @param minForegroundRatio required foreground fraction in [0, 1]; 0 = no rejection sampling
 * @param maxAttempts draws of rejection sampling, >= 1
 * @param background the target value that is not foreground
 */
record RandomCrop(List<Integer> size, @Default("0") int padding, @Default("false") boolean padIfNeeded,
                  @Default("0") double paddingValue, @Default("0") double targetPaddingValue,
                  @Default("0") double minForegroundRatio, @Default("10") int maxAttempts,
                  @Default("0") double background) implements Transform {

    static final String NAME = "random_crop";

    public RandomCrop {
        size = SpatialChecks.size(size, "size");
        InvalidValueException.require(padding >= 0, "padding", "must be >= 0, got %d", padding);
        SpatialChecks.probability(minForegroundRatio, "min_foreground_ratio");
        InvalidValueException.require(maxAttempts >= 1, "max_attempts", "must be >= 1, got %d", maxAttempts);
    }

    /**
     * Where a crop was placed: its start per internal axis (negative = in padding), the draws it took, the
     * foreground fraction of each draw (empty without rejection sampling) and of the chosen one (NaN without).
     */
    record Placement(int[] start, int attempts, List<Double> fractions, double fraction) {
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        int[] crop = grid.internal(size, "size", NAME, sample);
        Placement placement = place(sample, grid, crop, random);
        return Remap.window(sample, grid, placement.start(), crop, paddingValue, targetPaddingValue);
    }

    /** Draws the crop position (see the class comment); {@code crop} is the internal crop extent. */
    Placement place(Sample sample, SpatialGrid grid, int[] crop, SplittableRandom random) {
        int[] first = new int[3];
        int[] last = new int[3];
        for (int a = 0; a < 3; a++) {
            int n = grid.extent(a);
            boolean spatial = a >= 3 - grid.dims();
            int pad = spatial ? padding : 0;
            int shortfall = crop[a] - (n + 2 * pad);
            if (shortfall > 0) {
                if (!padIfNeeded) {
                    throw SpatialGrid.failure(NAME, sample, "the input's spatial size " + grid + " (padding "
                            + padding + ") is smaller than the crop " + size
                            + "; set pad_if_needed: true, add padding, or crop smaller");
                }
                pad += shortfall;
            }
            first[a] = -pad;
            last[a] = n + pad - crop[a];
        }
        if (minForegroundRatio == 0 || !sample.denseTarget()) {
            return new Placement(draw(first, last, random), 1, List.of(), Double.NaN);
        }
        ForegroundTable table = ForegroundTable.of(sample.target(), grid, background);
        double volume = (double) crop[0] * crop[1] * crop[2];
        List<Double> fractions = new ArrayList<>();
        int[] best = null;
        double bestFraction = -1;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            int[] start = draw(first, last, random);
            double fraction = table.count(start, crop) / volume;
            fractions.add(fraction);
            if (fraction >= minForegroundRatio) {
                return new Placement(start, attempt, fractions, fraction);
            }
            if (fraction > bestFraction) {
                best = start;
                bestFraction = fraction;
            }
        }
        return new Placement(best, maxAttempts, fractions, bestFraction);
    }

    private static int[] draw(int[] first, int[] last, SplittableRandom random) {
        int[] start = new int[3];
        for (int a = 0; a < 3; a++) {
            start[a] = first[a] == last[a] ? first[a] : random.nextInt(first[a], last[a] + 1);
        }
        return start;
    }

    @Override
    public boolean isRandom() {
        return true;
    }
}
