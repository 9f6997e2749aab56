/**
 * The {@code local} executor: N concurrent processes on this machine, each slot pinned to its GPUs
 * through {@code CUDA_VISIBLE_DEVICES} when the machine has GPUs.
 */
package io.pylon.launch.local;
