package io.pylon.engine;

/**
 * How libtorch is started.
 *
 * @param intraOpThreads libtorch intra-op threads; 0 means one per available core
 */
public record EngineOptions(int intraOpThreads) {

    public EngineOptions {
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("intra-op threads must be >= 0 (0 = one per core), got " + intraOpThreads);
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(0);
    }

    int resolvedThreads() {
        return intraOpThreads == 0 ? Runtime.getRuntime().availableProcessors() : intraOpThreads;
    }
}
