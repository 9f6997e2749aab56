package io.pylon.tune.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

import io.pylon.PylonUserException;
import io.pylon.metrics.Direction;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.space.SpaceParser;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/** What each sampler promises, on small functions where the answer is known. */
class SamplersTest {

    private static final SearchSpace BOWL = SpaceParser.parseJson(
            "{\"x\": {\"uniform\": [-5, 5]}, \"y\": {\"uniform\": [-5, 5]}}", "test");

    private static double bowl(Map<String, Object> p) {
        double x = ((Number) p.get("x")).doubleValue() - 1;
        double y = ((Number) p.get("y")).doubleValue() + 2;
        return x * x + y * y;
    }

    private static List<Trial> search(Sampler sampler, SearchSpace space, int count, ToDoubleFunction<Map<String, Object>> f) {
        List<Trial> trials = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Map<String, Object> params = space.keepActive(sampler.sample(
                    new SamplingContext(space, List.of(Direction.LOWER_IS_BETTER), trials, n)));
            trials.add(new Trial(n, n, TrialState.COMPLETE, params, List.of(f.applyAsDouble(params)), new TreeMap<>(), -1,
                    0, 0, ""));
        }
        return trials;
    }

    private static double best(List<Trial> trials) {
        return trials.stream().mapToDouble(t -> t.values().getFirst()).min().orElseThrow();
    }

    @Test
    void tpeAndCmaEsFindTheBowlsMinimumFarBetterThanRandom() {
        double random = 0;
        double tpe = 0;
        double cma = 0;
        for (long seed = 0; seed < 5; seed++) {
            random += best(search(new RandomSampler(seed), BOWL, 60, SamplersTest::bowl));
            tpe += best(search(new TpeSampler(new TpeSampler.Params(seed, 10, 24, true, true)), BOWL, 60, SamplersTest::bowl));
            cma += best(search(new CmaEsSampler(new CmaEsSampler.Params(seed, 0.2, 0)), BOWL, 60, SamplersTest::bowl));
        }
        assertThat(tpe).isLessThan(random / 3);
        assertThat(cma).isLessThan(random / 3);
        assertThat(cma / 5).isLessThan(0.05);
    }

    @Test
    void samplesDependOnlyOnSeedAndTrialNumber() {
        Sampler tpe = new TpeSampler(new TpeSampler.Params(7, 5, 24, false, true));
        assertThat(search(tpe, BOWL, 20, SamplersTest::bowl)).isEqualTo(search(tpe, BOWL, 20, SamplersTest::bowl));
    }

    @Test
    void conditionalParametersAppearExactlyWhenTheirChoiceHolds() {
        SearchSpace space = SpaceParser.parseJson("{\"opt\": {\"choice\": [\"sgd\", \"adam\"]},"
                + " \"momentum\": {\"uniform\": [0, 1], \"when\": {\"opt\": \"sgd\"}}, \"lr\": {\"log_uniform\": [1e-4, 1]}}", "t");
        List<Trial> trials = search(new TpeSampler(new TpeSampler.Params(1, 5, 24, true, true)), space, 40, p ->
                Math.abs(Math.log10(((Number) p.get("lr")).doubleValue()) + 2)
                        + (p.get("opt").equals("sgd") ? Math.abs(((Number) p.get("momentum")).doubleValue() - 0.9) : 0.5));
        for (Trial t : trials) {
            assertThat(t.params().containsKey("momentum")).isEqualTo(t.params().get("opt").equals("sgd"));
        }
        assertThat(trials).anyMatch(t -> t.params().get("opt").equals("adam"));
    }

    @Test
    void constantLiarSpreadsParallelAsksOverTheSpace() {
        List<Trial> trials = new ArrayList<>(search(new RandomSampler(0), BOWL, 20, SamplersTest::bowl));
        TpeSampler tpe = new TpeSampler(new TpeSampler.Params(0, 10, 24, false, true));
        Set<Map<String, Object>> proposals = new HashSet<>();
        for (int n = 20; n < 28; n++) {
            Map<String, Object> p = tpe.sample(new SamplingContext(BOWL, List.of(Direction.LOWER_IS_BETTER), trials, n));
            proposals.add(p);
            trials.add(new Trial(n, n, TrialState.RUNNING, p, List.of(), new TreeMap<>(), -1, 0, 0, ""));
        }
        assertThat(proposals).hasSize(8);
    }

    @Test
    void gridVisitsEveryCombinationOnce() {
        SearchSpace space = SpaceParser.parseJson("{\"a\": {\"choice\": [1, 2]}, \"b\": {\"int\": [0, 2]},"
                + " \"c\": {\"log_uniform\": [0.01, 1]}}", "t");
        List<Trial> trials = search(new GridSampler(3), space, 18, p -> 0);
        assertThat(trials.stream().map(Trial::params).distinct().count()).isEqualTo(18);
        assertThat(trials).anyMatch(t -> t.params().get("c").equals(0.1));
    }

    @Test
    void nsga2ApproachesTheParetoFrontOfTwoObjectives() {
        SearchSpace space = SpaceParser.parseJson("{\"x\": {\"uniform\": [0, 1]}, \"y\": {\"uniform\": [0, 1]}}", "t");
        List<Direction> both = List.of(Direction.LOWER_IS_BETTER, Direction.LOWER_IS_BETTER);
        Nsga2Sampler nsga = new Nsga2Sampler(new Nsga2Sampler.Params(0, 20, 0.9, 0.0));
        List<Trial> trials = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            Map<String, Object> p = nsga.sample(new SamplingContext(space, both, trials, n));
            double x = (Double) p.get("x");
            double y = (Double) p.get("y");
            // f1 = x, f2 = (1 + 9y)(1 - sqrt(x / (1 + 9y))): the front is y = 0
            double g = 1 + 9 * y;
            trials.add(new Trial(n, n, TrialState.COMPLETE, p, List.of(x, g * (1 - Math.sqrt(x / g))), new TreeMap<>(),
                    -1, 0, 0, ""));
        }
        List<Trial> front = ParetoFront.of(trials, both);
        assertThat(front.size()).isGreaterThan(5);
        double meanYLast = trials.subList(150, 200).stream().mapToDouble(t -> (Double) t.params().get("y")).average().orElseThrow();
        assertThat(meanYLast).as("offspring move towards y = 0").isLessThan(0.25);
        for (Trial a : front) {
            for (Trial b : front) {
                assertThat(ParetoFront.dominates(a, b, both)).isFalse();
            }
        }
    }

    @Test
    void samplersRefuseWhatTheyCannotSearch() {
        SearchSpace withChoice = SpaceParser.parseJson("{\"a\": {\"choice\": [1, 2]}}", "t");
        assertThatThrownBy(() -> new CmaEsSampler(new CmaEsSampler.Params(0, 0.2, 0)).check(withChoice, 1))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("ranges only");
        assertThatThrownBy(() -> new TpeSampler(new TpeSampler.Params(0, 10, 24, true, true)).check(BOWL, 2))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("nsga2");
    }
}
