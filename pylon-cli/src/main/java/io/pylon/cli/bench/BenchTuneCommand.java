package io.pylon.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.tune.Json;
import io.pylon.tune.bench.SamplerBench;
import io.pylon.tune.bench.TestFunction;
import io.pylon.tune.sampler.CmaEsSampler;
import io.pylon.tune.sampler.RandomSampler;
import io.pylon.tune.sampler.Sampler;
import io.pylon.tune.sampler.TpeSampler;

/**
 * {@code pylon bench tune}: best value found in N trials over S seeds on Branin, Hartmann-6 and 10-d
 * Styblinski-Tang, for Pylon's samplers and (when python3 with optuna is there) Optuna's TPE run by
 * {@code bench/tune/peer_optuna.py} on the same functions and budget; medians and IQRs side by side.
 */
@Command(name = "tune", description = "Sampler search quality: Pylon's TPE/CMA-ES/random vs Optuna's TPE (peer script).")
public final class BenchTuneCommand implements Callable<Integer> {

    @Option(names = "--trials", defaultValue = "100", description = "trials per search (default ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--seeds", defaultValue = "20", description = "searches per sampler and function (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--candidates", defaultValue = "24", description = "TPE candidates per proposal (default ${DEFAULT-VALUE})")
    int candidates;

    @Option(names = "--startup", defaultValue = "10", description = "TPE random start-up trials (default ${DEFAULT-VALUE})")
    int startup;

    @Option(names = "--only", defaultValue = "", description = "comma-separated sampler names to run (default all)")
    String only;

    @Option(names = "--peer", defaultValue = "bench/tune/peer_optuna.py",
            description = "Optuna peer script; 'none' to skip (default ${DEFAULT-VALUE})")
    String peer;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, LongFunction<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("pylon_tpe_multivariate", s -> new TpeSampler(new TpeSampler.Params(s, startup, candidates, true, true)));
        samplers.put("pylon_tpe", s -> new TpeSampler(new TpeSampler.Params(s, startup, candidates, false, true)));
        samplers.put("pylon_cmaes", s -> new CmaEsSampler(new CmaEsSampler.Params(s, 0.2, 0)));
        samplers.put("pylon_random", RandomSampler::new);
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (TestFunction f : TestFunction.all()) {
            for (Map.Entry<String, LongFunction<Sampler>> sampler : samplers.entrySet()) {
                if (!only.isEmpty() && !List.of(only.split(",")).contains(sampler.getKey())) {
                    continue;
                }
                SamplerBench.Result r = SamplerBench.run(f, sampler.getValue(), trials, seeds);
                table.computeIfAbsent(f.name(), k -> new LinkedHashMap<>()).put(sampler.getKey(), r.toString());
                System.out.printf(Locale.ROOT, "%-18s %-24s %s%n", f.name(), sampler.getKey(), r);
            }
        }
        if (!peer.equals("none")) {
            runPeer(table);
        }
        return 0;
    }

    private void runPeer(Map<String, Map<String, String>> table) throws IOException, InterruptedException {
        if (!Files.isRegularFile(Path.of(peer))) {
            System.out.println("peer: " + peer + " not found (run from the repository root, or --peer none)");
            return;
        }
        // Debian's python3-optuna lives under the system interpreter, not a pyenv shim that may come first
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ProcessBuilder builder = new ProcessBuilder(python, peer, "--trials", Integer.toString(trials), "--seeds",
                Integer.toString(seeds)).redirectErrorStream(true);
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process process = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("{")) {
                    System.out.println("peer: " + line);
                    continue;
                }
                Map<String, Object> r = Json.readMap(line);
                System.out.printf(Locale.ROOT, "%-18s %-24s median %.5g  IQR [%.5g, %.5g]%n", r.get("function"),
                        r.get("sampler"), num(r.get("median")), num(r.get("q1")), num(r.get("q3")));
            }
        }
        System.out.println("peer exit code " + process.waitFor());
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }
}
