package io.pylon.trainer.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.RunDirectory;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.TrainingComponents;

class LrRangeTestTest {

    @TempDir
    Path dir;

    @Test
    void suggestionIsWhereTheLossFallsFastest() {
        List<Double> lrs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double lr = Math.pow(10, -6 + i * 6.0 / 49);
            lrs.add(lr);
            // a sigmoid drop centred at 1e-3 over log10(lr), then a blow-up at the end
            double x = Math.log10(lr) + 3;
            losses.add(2.0 - 1.5 / (1 + Math.exp(-4 * x)) + (i > 45 ? (i - 45) * 2.0 : 0));
        }
        double suggested = LrRangeTest.suggest(lrs, losses);
        assertThat(Math.log10(suggested)).isBetween(-3.2, -2.8);
    }

    @Test
    void ratesGrowExponentiallyAndTheTestStopsWhenTheLossDiverges() {
        RunDirectory run = RunDirectory.create(dir, "test", "lr", Clock.systemUTC());
        TrainingComponents parts = new TrainerFixture().samples(128).dropout(0).components(run);
        LrRangeTest.Result result = LrRangeTest.run(parts, new LrRangeTest.Params(1e-5, 1e4, 60, 4.0, 0.9));
        List<Double> lrs = result.lrs();
        assertThat(lrs.getFirst()).isEqualTo(1e-5);
        assertThat(lrs.get(1) / lrs.get(0)).isCloseTo(Math.pow(1e9, 1.0 / 59), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.stoppedEarly()).as("AdamW at lr 1e4 blows the loss up").isTrue();
        assertThat(lrs.size()).isLessThan(60);
        assertThat(result.suggestion()).isBetween(1e-4, 1.0);
        assertThat(result.losses()).hasSameSizeAs(lrs);
    }

    @Test
    void svgPlotHasOnePointPerStepAndMarksTheSuggestion() {
        String svg = new SvgPlot("t", "x", "y", true).render(List.of(1e-3, 1e-2, 1e-1), List.of(3.0, 2.0, 5.0), 1e-2);
        assertThat(svg).startsWith("<svg").contains("suggested 0.0100").endsWith("</svg>\n");
        String points = svg.replaceAll("(?s).*points=\"([^\"]*)\".*", "$1");
        assertThat(points.split(" ")).hasSize(3);
    }
}
