package io.pylon.registry;

import java.util.Collection;

import io.pylon.config.Suggestions;

/** A name that no registered component answers to; the message suggests the nearest and lists the known ones. */
public final class UnknownNameException extends IllegalArgumentException {

    public UnknownNameException(String kind, String name, Collection<String> known) {
        super("unknown " + kind + " '" + name + "'" + Suggestions.didYouMean(name, known) + " (known: "
                + String.join(", ", known) + ")");
    }
}
