/** Layers and module utilities libtorch's C++ frontend lacks, one per file. */
package io.pylon.nn;
