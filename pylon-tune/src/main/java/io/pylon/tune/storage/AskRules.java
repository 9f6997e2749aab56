package io.pylon.tune.storage;

/**
 * Budget and liveness rules of {@link StudyStorage#ask}.
 *
 * @param maxTrials         stop once the study holds this many trials (retried failures not counted); 0 = no limit
 * @param heartbeatTimeoutMillis a running trial with a heartbeat older than this is failed and retried; 0 = trials
 *                          asked under these rules carry no heartbeat and are never reaped
 * @param maxRetries        how many times one set of parameters is retried after its worker died
 */
public record AskRules(int maxTrials, long heartbeatTimeoutMillis, int maxRetries) {

    public AskRules {
        if (maxTrials < 0 || heartbeatTimeoutMillis < 0 || maxRetries < 0) {
            throw new IllegalArgumentException("ask rules must not be negative");
        }
    }

    /** No budget, no heartbeat: what {@code pylon study ask} uses. */
    public static AskRules unbounded() {
        return new AskRules(0, 0, 0);
    }
}
