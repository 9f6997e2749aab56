package io.pylon.models;

import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * A model with several outputs: deep-supervision scales (full resolution first, then coarser) or task
 * heads. {@link #forward} returns the main output (the first of {@link #forwardAll}), which metrics and
 * inference use; losses that understand several outputs get them all.
 */
public interface MultiOutputModel extends Model {

    /** Every output by name, in a stable order whose first entry is the main output. */
    Map<String, Tensor> forwardAll(Tensor input);

    @Override
    default Tensor forward(Tensor input) {
        return forwardAll(input).values().iterator().next();
    }
}
