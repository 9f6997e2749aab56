package io.pylon.config.override;

import io.pylon.config.Origin;

/** One parsed command-line override; {@link #text()} is the argument as the user typed it. */
public sealed interface ConfigOverride permits SetValue, AddKey, DeleteKey {

    String text();

    KeyPath path();

    /** Where values and errors of this override are reported to come from. */
    default Origin origin() {
        return Origin.override(text());
    }
}
