package io.pylon.data;

import java.util.Collections;
import java.util.Iterator;

/** A split with no data (a dataset without a test set). */
public final class EmptyLoader implements DataLoader {

    @Override
    public long batchesPerEpoch() {
        return 0;
    }

    @Override
    public long samples() {
        return 0;
    }

    @Override
    public Iterator<Batch> epoch(int epoch, long startBatch) {
        return Collections.emptyIterator();
    }
}
