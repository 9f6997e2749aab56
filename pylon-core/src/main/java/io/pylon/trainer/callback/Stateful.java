package io.pylon.trainer.callback;

import java.util.Map;

/** A component whose state goes into checkpoints (as JSON-compatible values) and comes back on resume. */
public interface Stateful {

    Map<String, Object> state();

    void loadState(Map<String, Object> state);
}
