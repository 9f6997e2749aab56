package io.pylon.engine;

/**
 * How libtorch is started.
 *
 * @param intraOpThreads libtorch intra-op threads; 0 means one per available core
 * @param onednn whether CPU convolutions may use oneDNN (mkldnn). Off by default: in this libtorch build
 *     oneDNN's convolution backward returns wrong, run-to-run different and sometimes NaN input gradients
 *     for layers with few channels (e.g. 4 -> 8); see {@code ConvolutionGradientTest}
 */
public record EngineOptions(int intraOpThreads, boolean onednn) {

    public EngineOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0 (0 = one per core), got " + intraOpThreads);
        }
    }

    public EngineOptions(int intraOpThreads) {
        this(intraOpThreads, false);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(0, false);
    }

    int resolvedThreads() {
        return intraOpThreads == 0 ? Runtime.getRuntime().availableProcessors() : intraOpThreads;
    }
}
