package io.pylon.data.augment;

/**
 * Where each output point of an interpolating transform reads the source, produced one output row (fixed
 * {@code z, y}) at a time into small buffers, so that coordinates never fill a volume-sized array.
 */
@FunctionalInterface
interface SourceRows {

    /**
     * Fills the source coordinates of output row {@code (z, y)}, one per output column, in internal axes;
     * {@code sz} is null for a 2D grid.
     */
    void row(int z, int y, float[] sz, float[] sy, float[] sx);
}
