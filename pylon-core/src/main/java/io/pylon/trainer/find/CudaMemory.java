package io.pylon.trainer.find;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.global.torch_cuda;

/**
 * Frees what a failed trial left on the GPU: the dropped Java handles of its model and optimizer (collected
 * so their native tensors go), then the blocks libtorch's caching allocator keeps. Touches the CUDA
 * bindings, so it is only called when training on CUDA.
 */
final class CudaMemory {

    private CudaMemory() {
    }

    static void emptyCache() {
        System.gc();
        Pointer.deallocateReferences();
        torch_cuda.getAllocator().emptyCache();
    }
}
