/**
 * Finders that run a few training steps of a config to choose a setting before training: the
 * learning-rate range test ({@link LrRangeTest}) and the batch-size finder ({@link BatchSizeFinder}).
 * Each writes its suggestion as JSON and a plot as SVG ({@link SvgPlot}) into a tool folder of the
 * experiment.
 */
package io.pylon.trainer.find;
