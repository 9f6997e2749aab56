/** Multirun sweeps: the cross product of {@code -m key=v1,v2} choices ({@code range}, {@code choice}) as plain runs. */
package io.pylon.tune.sweep;
