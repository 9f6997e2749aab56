package io.pylon.engine;

/**
 * How libtorch is started.
 *
 * @param intraOpThreads libtorch intra-op threads; 0 means one per available core
 * @param onednn whether CPU operators may use oneDNN (mkldnn). Off by default: with it on (and with the
 *     flag never set, libtorch's initial state) this build gave run-to-run different, sometimes NaN
 *     convolution gradients for small layers (channels 4 -> 8); see {@code ConvolutionGradientTest}
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
