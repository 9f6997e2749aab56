/** Streaming metrics: update per batch, compute per evaluation, exportable state for resume. */
package io.pylon.metrics;
