package io.pylon.data.transform;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.data.Sample;
import io.pylon.engine.Seeds;

/**
 * Transforms applied in order. Step {@code i} draws from its own stream derived from the sample's seed and
 * {@code i}, so adding or removing a step does not change what the other steps draw.
 *
 * @param steps the transforms, first applied first
 * @param firstStream the stream number of the first step (non-zero for the {@link #remainder()} of a chain,
 *     so that it draws what it would have drawn inside the whole chain)
 */
public record Compose(List<Transform> steps, int firstStream) implements Transform {

    public Compose {
        steps = List.copyOf(steps);
        if (firstStream < 0) {
            throw new IllegalArgumentException("firstStream must be >= 0, got " + firstStream);
        }
    }

    public Compose(List<Transform> steps) {
        this(steps, 0);
    }

    public static Compose of(Transform... steps) {
        return new Compose(List.of(steps));
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        long base = random.nextLong();
        Sample out = sample;
        for (int i = 0; i < steps.size(); i++) {
            out = steps.get(i).apply(out, new SplittableRandom(Seeds.derive(base, firstStream + i)));
        }
        return out;
    }

    @Override
    public boolean isRandom() {
        return steps.stream().anyMatch(Transform::isRandom);
    }

    @Override
    public String fingerprint() {
        StringBuilder text = new StringBuilder("Compose[");
        for (Transform step : steps) {
            text.append(step.fingerprint()).append(';');
        }
        return text.append(']').toString();
    }

    /** The leading steps that draw no random numbers: what a disk cache may store. */
    public Compose deterministicPrefix() {
        return new Compose(steps.subList(0, prefixLength()), firstStream);
    }

    /** The steps after {@link #deterministicPrefix()}, applied every time a sample is loaded. */
    public Compose remainder() {
        return new Compose(steps.subList(prefixLength(), steps.size()), firstStream + prefixLength());
    }

    private int prefixLength() {
        int n = 0;
        while (n < steps.size() && !steps.get(n).isRandom()) {
            n++;
        }
        return n;
    }
}
