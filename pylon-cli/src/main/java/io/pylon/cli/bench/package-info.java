/** {@code pylon bench} sub-commands. Benchmarks live here, never in timed unit tests. */
package io.pylon.cli.bench;
