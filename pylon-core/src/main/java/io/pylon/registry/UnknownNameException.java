package io.pylon.registry;

import java.util.Collection;

/** A name that no registered component answers to; the message lists those that do. */
public final class UnknownNameException extends IllegalArgumentException {

    public UnknownNameException(String kind, String name, Collection<String> known) {
        super("unknown " + kind + " '" + name + "'; known: " + String.join(", ", known));
    }
}
