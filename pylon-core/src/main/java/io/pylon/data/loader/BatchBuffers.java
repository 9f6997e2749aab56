package io.pylon.data.loader;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.engine.StepScope;

/**
 * A pool of native batch tensors, so that collating a batch writes into memory the previous batches
 * already used instead of allocating (and later freeing) fresh tensors every step. Buffers are sized for
 * a full batch; an epoch's short last batch uses the head of one.
 *
 * <p>Buffers are created off any step scope (on worker threads, or detached from the consuming thread's scope
 * when there are no workers), so only this pool frees them: at
 * {@link #close()}, or when more than {@code capacity} of one shape are returned.
 */
final class BatchBuffers implements AutoCloseable {

    /** A full-batch tensor and its memory as a segment that worker threads write into. */
    record Buffer(Key key, Tensor tensor, MemorySegment memory) {
    }

    /** Shape and element type of a buffer. */
    record Key(long[] shape, ScalarType type) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && type.value == that.type.value && Arrays.equals(shape, that.shape);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + type.value;
        }
    }

    private final int capacity;
    private final Map<Key, Deque<Buffer>> free = new HashMap<>();
    private long allocated;
    private boolean closed;

    /** @param capacity buffers of one shape kept for reuse (the most that can be in flight at once) */
    BatchBuffers(int capacity) {
        this.capacity = capacity;
    }

    synchronized Buffer acquire(long[] shape, ScalarType type) {
        if (closed) {
            throw new IllegalStateException("the loader was closed");
        }
        Key key = new Key(shape.clone(), type);
        Deque<Buffer> pool = free.get(key);
        if (pool != null && !pool.isEmpty()) {
            return pool.pop();
        }
        allocated++;
        Tensor tensor;
        // without workers the consuming thread builds batches inside its step scope, which would free the
        // buffer at the step's end while the pool still hands it out: the pool must own it
        try (StepScope scope = new StepScope()) {
            tensor = scope.keep(org.bytedeco.pytorch.global.torch.empty(shape, new TensorOptions(type),
                    new MemoryFormatOptional()));
        }
        MemorySegment memory = MemorySegment.ofAddress(tensor.data_ptr().address()).reinterpret(tensor.nbytes());
        return new Buffer(key, tensor, memory);
    }

    /** Takes a buffer back once its batch is consumed; the tensor must no longer be read by anyone. */
    synchronized void release(Buffer buffer) {
        Deque<Buffer> pool = free.computeIfAbsent(buffer.key(), k -> new ArrayDeque<>());
        if (closed || pool.size() >= capacity) {
            buffer.tensor().close();
        } else {
            pool.push(buffer);
        }
    }

    /** Tensors created so far (a steady state shows reuse: it stops growing after the first batches). */
    synchronized long allocated() {
        return allocated;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Deque<Buffer> pool : free.values()) {
            for (Buffer buffer : pool) {
                buffer.tensor().close();
            }
        }
        free.clear();
    }
}
