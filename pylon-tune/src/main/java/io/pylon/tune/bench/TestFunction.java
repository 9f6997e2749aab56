package io.pylon.tune.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.pylon.tune.space.FloatRange;
import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;

/**
 * The benchmark functions of {@code pylon bench tune} (and of {@code bench/tune/peer_optuna.py}, which must
 * define them identically): all minimised, with their known global minimum.
 */
public record TestFunction(String name, SearchSpace space, double minimum, ToDoubleFunction<double[]> f) {

    public static List<TestFunction> all() {
        return List.of(branin(), hartmann6(), styblinskiTang10());
    }

    /** Branin-Hoo on [-5, 10] x [0, 15]; minimum 0.397887 at three points. */
    static TestFunction branin() {
        return new TestFunction("branin", box(new double[] {-5, 0}, new double[] {10, 15}), 0.397887, x -> {
            double a = 1;
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return a * u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
        });
    }

    private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] H_A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] H_P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /** Hartmann-6 on [0, 1]^6; minimum -3.32237. */
    static TestFunction hartmann6() {
        return new TestFunction("hartmann6", box(filled(6, 0), filled(6, 1)), -3.32237, x -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    inner += H_A[i][j] * (x[j] - H_P[i][j]) * (x[j] - H_P[i][j]);
                }
                sum += H_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        });
    }

    /** Styblinski-Tang in 10 dimensions on [-5, 5]^10; minimum -391.6617 at x_i = -2.903534. */
    static TestFunction styblinskiTang10() {
        return new TestFunction("styblinski_tang10", box(filled(10, -5), filled(10, 5)), -391.6617, x -> {
            double sum = 0;
            for (double v : x) {
                sum += v * v * v * v - 16 * v * v + 5 * v;
            }
            return sum / 2;
        });
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static SearchSpace box(double[] low, double[] high) {
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < low.length; i++) {
            params.add(new Param("x" + i, new FloatRange(low[i], high[i], false), Map.of()));
        }
        return new SearchSpace(params);
    }
}
