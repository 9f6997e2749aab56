/**
 * Checkpoint files: named tensor sections plus a JSON state, written atomically and verified by checksum
 * on load. Knows nothing of the trainer. The container is a valid safetensors file, so weights move to
 * and from PyTorch without Pylon.
 */
package io.pylon.checkpoint;
