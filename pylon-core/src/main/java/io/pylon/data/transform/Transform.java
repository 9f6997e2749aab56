package io.pylon.data.transform;

import org.bytedeco.pytorch.Tensor;

/**
 * A per-sample data transform (augmentation or preprocessing). The seed is passed in rather than drawn
 * from a global generator so that a sample's augmentation is reproducible across resumes and worker
 * threads; the data-pipeline issue wires transforms into the loaders through {@link Transforms}.
 */
@FunctionalInterface
public interface Transform {

    /** Returns the transformed sample; must not modify {@code sample} in place. */
    Tensor apply(Tensor sample, long seed);
}
