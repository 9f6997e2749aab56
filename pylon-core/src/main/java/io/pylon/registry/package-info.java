/**
 * The component model shared by every pluggable kind: {@link io.pylon.registry.ComponentKind} (what a kind
 * makes), {@link io.pylon.registry.Component} (name + params record + factory), the immutable
 * {@link io.pylon.registry.Components} registry built once at the edge, and the one
 * {@link io.pylon.registry.ComponentBinder} that turns a {@code {name: ..., <params>}} config section into a
 * {@link io.pylon.registry.Bound} component.
 */
package io.pylon.registry;
