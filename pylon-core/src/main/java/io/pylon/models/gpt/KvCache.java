package io.pylon.models.gpt;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.StepScope;

/**
 * The keys and values every attention layer has computed for the positions generated so far, so that a new
 * token costs one position instead of a forward pass over the whole context. One buffer pair per layer,
 * {@code (N, heads, block_size, d_head)}, filled from position 0; {@link #length} positions are valid. The
 * buffers are owned here (not by any step scope) and freed by {@link #close}.
 */
final class KvCache implements AutoCloseable {

    private final List<Tensor> keys = new ArrayList<>();
    private final List<Tensor> values = new ArrayList<>();
    private final long capacity;
    private long length;

    KvCache(GptParams params, long rows, TensorOptions options) {
        this.capacity = params.blockSize();
        long[] shape = {rows, params.nHeads(), capacity, params.headSize()};
        try (StepScope scope = new StepScope()) {
            for (int layer = 0; layer < params.nLayers(); layer++) {
                keys.add(scope.keep(torch.zeros(shape, options)));
                values.add(scope.keep(torch.zeros(shape, options)));
            }
        }
    }

    /** Valid positions. */
    long length() {
        return length;
    }

    /** Positions left before the cache is full. */
    long free() {
        return capacity - length;
    }

    /** Forgets every position (the buffers are kept). */
    void clear() {
        length = 0;
    }

    /**
     * Stores layer {@code layer}'s keys and values {@code (N, heads, t, d_head)} of the {@code t} positions after
     * the valid ones, and returns all keys and values so far, {@code (N, heads, length + t, d_head)} views.
     */
    Tensor[] append(int layer, Tensor k, Tensor v) {
        long t = k.size(2);
        keys.get(layer).narrow(2, length, t).copy_(k);
        values.get(layer).narrow(2, length, t).copy_(v);
        return new Tensor[] {keys.get(layer).narrow(2, 0, length + t), values.get(layer).narrow(2, 0, length + t)};
    }

    /** Marks the {@code t} positions just appended by every layer as valid. */
    void advance(long t) {
        length += t;
    }

    @Override
    public void close() {
        keys.forEach(Tensor::close);
        values.forEach(Tensor::close);
        keys.clear();
        values.clear();
    }
}
