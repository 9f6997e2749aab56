/** The run directory (the unit of truth for a run) and the metric sinks that write into it. */
package io.pylon.run;
