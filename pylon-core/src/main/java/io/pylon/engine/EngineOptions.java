package io.pylon.engine;

/**
 * How libtorch is started.
 *
 * @param intraOpThreads libtorch intra-op threads; 0 means one per available core
 * @param onednn whether CPU operators may use oneDNN (mkldnn), libtorch's default
 */
public record EngineOptions(int intraOpThreads, boolean onednn) {

    public EngineOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0 (0 = one per core), got " + intraOpThreads);
        }
    }

    public EngineOptions(int intraOpThreads) {
        this(intraOpThreads, true);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(0, true);
    }

    int resolvedThreads() {
        return intraOpThreads == 0 ? Runtime.getRuntime().availableProcessors() : intraOpThreads;
    }
}
