package io.pylon.registry;

/** The params of a component that takes none: its section may hold nothing but its name. */
public record NoParams() {
}
