package io.pylon.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.data.format.IdxArray;
import io.pylon.data.format.IdxReader;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;
import io.pylon.testing.TestComponents;

/**
 * Reads the installed Debian dataset when it is there; the same code paths are covered on generated
 * files by {@link FashionMnistTest}, so skipping this test loses only the check against real headers.
 */
class RealFashionMnistTest {

    @BeforeAll
    static void requireInstalledDataset() {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnistFiles.SYSTEM_ROOT),
                "dataset-fashion-mnist is not installed");
        Engine.start();
    }

    @Test
    void installedFilesHaveTheKnownHeaders() {
        FashionMnistFiles files = FashionMnistFiles.locate(Optional.empty());

        IdxArray trainLabels = IdxReader.read(files.trainLabels());
        IdxArray testImages = IdxReader.read(files.testImages());

        assertThat(trainLabels.shape()).containsExactly(60000);
        assertThat(testImages.shape()).containsExactly(10000, 28, 28);
    }

    @Test
    void defaultConfigGivesTheStandardSplits() {
        DataSplits splits = TestComponents.open(DataConfig.defaults(), 0);

        assertThat(splits.train().samples()).isEqualTo(55000);
        assertThat(splits.val().samples()).isEqualTo(5000);
        assertThat(splits.test().samples()).isEqualTo(10000);
        assertThat(splits.train().batchesPerEpoch()).isEqualTo(430);
        Batch batch = splits.test().epoch(0, 0).next();
        float[] pixels = Tensors.toFloats(batch.inputs());
        double mean = 0;
        for (float p : pixels) {
            mean += p;
        }
        // standardised inputs average near 0 (the constants are the training set's statistics)
        assertThat(Math.abs(mean / pixels.length)).isLessThan(0.1);
    }
}
