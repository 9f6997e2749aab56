package io.pylon.trainer.profile;

/** The phases of a training step, in the order the loop runs them. */
public enum Phase {
    DATA_WAIT("data_wait"),
    HOST_TO_DEVICE("host_to_device"),
    FORWARD("forward"),
    BACKWARD("backward"),
    OPTIMIZER("optimizer"),
    CALLBACKS("callbacks");

    private final String key;

    Phase(String key) {
        this.key = key;
    }

    /** The name in metrics.jsonl ({@code time_ms/<key>}) and in traces. */
    public String key() {
        return key;
    }
}
