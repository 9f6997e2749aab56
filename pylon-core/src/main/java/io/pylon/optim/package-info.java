/**
 * Multi-tensor optimizers (SGD, Adam, AdamW) over flat per-group parameter and gradient buffers, their
 * config, and gradient clipping. Every trainable parameter is re-pointed at a slice of its group's flat
 * buffer, so an update is a handful of whole-buffer kernels per group instead of several per parameter.
 */
package io.pylon.optim;
