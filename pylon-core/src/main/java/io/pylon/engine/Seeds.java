package io.pylon.engine;

import org.bytedeco.pytorch.Generator;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Seeding and RNG state of libtorch's default generators (CPU, and CUDA when present). */
public final class Seeds {

    private Seeds() {
    }

    public static void seed(long seed) {
        Engine.start();
        torch.manual_seed(seed);
    }

    /** The CPU generator's state as bytes (for checkpoints). */
    public static byte[] cpuState() {
        Tensor state = torch.getDefaultCPUGenerator().get_state();
        return Tensors.toBytes(state);
    }

    public static void restoreCpuState(byte[] state) {
        Tensor t = Tensors.fromBytes(state, new long[] {state.length}, torch.ScalarType.Byte);
        torch.getDefaultCPUGenerator().set_state(t);
    }

    /**
     * The state of CUDA device {@code index}'s default generator (Philox seed and offset) as bytes. Needed
     * for exact resume on a GPU: dropout and random initialisers on the device draw from it, not from the
     * CPU generator. Needs a CUDA build and device; not exercised on CPU-only machines.
     */
    public static byte[] cudaState(int index) {
        return Tensors.toBytes(cudaGenerator(index).get_state());
    }

    public static void restoreCudaState(int index, byte[] state) {
        cudaGenerator(index).set_state(Tensors.fromBytes(state, new long[] {state.length}, torch.ScalarType.Byte));
    }

    private static Generator cudaGenerator(int index) {
        return torch.globalContext().defaultGenerator(new Device.Cuda(index).toTorch());
    }

    /** Mixes a base seed with stream ids (epoch, sample index) into an independent 64-bit seed. */
    public static long derive(long seed, long... streams) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (long s : streams) {
            h = mix(h + 0x9E3779B97F4A7C15L * (s + 1));
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
