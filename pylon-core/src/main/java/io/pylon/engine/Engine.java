package io.pylon.engine;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.bytedeco.pytorch.global.torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts libtorch once per JVM; every entry point calls {@link #start} before touching a tensor. */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static boolean loaded;

    private Engine() {
    }

    /** Loads the natives if needed and applies the thread settings (which may change between calls). */
    public static synchronized void start(EngineOptions options) {
        if (!loaded) {
            load();
            loaded = true;
        }
        torch.set_num_threads(options.resolvedThreads());
        // Always set, never left at its initial state: oneDNN on, or the flag never set, gave run-to-run
        // different and NaN convolution gradients for small layers in this build (ConvolutionGradientTest).
        torch.globalContext().setUserEnabledMkldnn(options.onednn());
        // NNPACK cannot initialise on many CPUs (it warns once per process) and was a suspect in the above
        torch.globalContext().setUserEnabledNNPACK(false);
    }

    /** Starts with default settings if nothing started the engine yet; never overrides applied settings. */
    public static synchronized void start() {
        if (!loaded) {
            start(EngineOptions.defaults());
        }
    }

    private static void load() {
        long begin = System.nanoTime();
        // Extract every library of both presets before the first load: loading libtorch while
        // JavaCPP is still extracting its dependencies crashed in libtorch's static init (cold cache).
        cacheAll(openblas_nolapack.class, "openblas");
        cacheAll(torch.class, "pytorch");
        Loader.load(openblas_nolapack.class);
        // OpenBLAS threads oversubscribe libtorch's OpenMP pool (measured 60 ms -> 7.5 ms per MLP step).
        org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
        Loader.load(torch.class);
        LOG.debug("libtorch loaded in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private static void cacheAll(Class<?> presetClass, String preset) {
        String resources = "org/bytedeco/" + preset + "/" + Loader.getPlatform() + "/";
        try {
            Loader.cacheResources(presetClass, resources);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the " + preset + " natives into the JavaCPP cache ("
                    + System.getProperty("org.bytedeco.javacpp.cachedir", "~/.javacpp/cache")
                    + "); check free disk space or set -Dorg.bytedeco.javacpp.cachedir to a writable folder", e);
        }
    }

    public static int intraOpThreads() {
        return torch.get_num_threads();
    }

    public static boolean cudaAvailable() {
        start();
        return torch.cuda_is_available();
    }

    /** Whether the loaded libtorch was compiled with CUDA (the GPU natives), whatever the machine has. */
    public static boolean cudaBuild() {
        start();
        return org.bytedeco.pytorch.Context.hasCUDA();
    }

    public static int cudaDeviceCount() {
        start();
        return (int) torch.cuda_device_count();
    }
}
