package io.pylon.data.loader;

import java.util.Iterator;
import java.util.List;

import org.bytedeco.javacpp.Pointer;

import io.pylon.data.ArrayDataset;
import io.pylon.data.Batch;
import io.pylon.data.array.NdArray;
import io.pylon.data.sampler.RandomSampler;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;

/**
 * Runs 3,200 batches through the threaded loader and prints how much JavaCPP-tracked and resident memory grew
 * after the first five epochs. Run in a child JVM whose heap is committed and touched up front, so that
 * resident growth is native growth.
 */
public final class LoaderMemoryMain {

    private LoaderMemoryMain() {
    }

    public static void main(String[] args) {
        Engine.start();
        int n = 512;
        float[] images = new float[n * 3 * 16 * 16];
        for (int i = 0; i < images.length; i++) {
            images[i] = i % 251;
        }
        ArrayDataset data = new ArrayDataset(NdArray.of(images, n, 3, 16, 16), NdArray.of(new long[n], n), false, "mem",
                List.of());
        long tracked = 0;
        long resident = 0;
        long batches = 0;
        try (ParallelLoader loader = new ParallelLoader(data, new RandomSampler(n, 1),
                (s, r) -> s.withInput(NdArray.of(s.input().toFloats(), s.input().shape())),
                LoaderSettings.of(16, 2, 3), "mem")) {
            for (int epoch = 0; epoch < 100; epoch++) {
                Iterator<Batch> it = loader.epoch(epoch, 0);
                while (it.hasNext()) {
                    try (StepScope scope = new StepScope()) {
                        it.next().inputs().sum().item_double();
                    }
                    batches++;
                }
                if (epoch == 4) {
                    tracked = Pointer.totalBytes();
                    resident = Pointer.physicalBytes();
                }
            }
        }
        System.out.println("batches=" + batches + " tracked_growth=" + (Pointer.totalBytes() - tracked)
                + " resident_growth=" + (Pointer.physicalBytes() - resident));
    }
}
