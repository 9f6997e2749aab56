package io.pylon.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.config.override.OverrideParser;
import io.pylon.config.override.Sweep;
import io.pylon.registry.Components;
import io.pylon.trainer.ExperimentConfig;
import io.pylon.trainer.RunResolver;

/**
 * Expands configs, overrides and sweeps into jobs, resolving every job's config (with the application's
 * components, plugins included) before any job starts
 * (a config mistake is one {@code error:} line, not N failed jobs).
 */
public final class JobPlan {

    private JobPlan() {
    }

    /**
     * One job per config and per combination of sweep choices (the Cartesian product, the last sweep
     * varying fastest). With {@code multirun} each override may list choices ({@code optim.lr=0.1,0.01});
     * otherwise every override is applied as written.
     */
    public static List<Job> expand(String launchName, List<String> configs, List<String> overrides, boolean multirun,
            Components components) {
        if (configs.isEmpty()) {
            throw new PylonUserException("no CONFIG.yaml given: usage `pylon launch [options] CONFIG.yaml... "
                    + "[key.path=value ...]`, or with -m `key.path=v1,v2` to sweep");
        }
        List<List<String>> combinations = List.of(List.of());
        for (String override : overrides) {
            List<String> choices = multirun ? choices(override) : List.of(override);
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String choice : choices) {
                    List<String> combined = new ArrayList<>(prefix);
                    combined.add(choice);
                    next.add(combined);
                }
            }
            combinations = next;
        }
        List<Job> jobs = new ArrayList<>();
        int width = String.valueOf(configs.size() * combinations.size() - 1).length();
        for (String config : configs) {
            if (!Files.isRegularFile(Path.of(config))) {
                throw new PylonUserException("config " + config + " not found (paths are relative to the current"
                        + " folder, and to each host's workdir when jobs run elsewhere)");
            }
            for (List<String> combination : combinations) {
                String id = String.format("%0" + Math.max(3, width) + "d", jobs.size());
                List<String> jobOverrides = new ArrayList<>(combination);
                jobOverrides.add("experiment.run_name=" + launchName + "-" + id);
                jobs.add(new Job(id, config, jobOverrides, runDirectory(config, jobOverrides, components)));
            }
        }
        return List.copyOf(jobs);
    }

    private static List<String> choices(String override) {
        if (override.startsWith("+") || override.startsWith("~")) {
            return List.of(override);
        }
        Sweep sweep = OverrideParser.parseSweep(override);
        return sweep.overrides();
    }

    /** Loads and resolves the whole config as {@code pylon train} would, and returns its run directory. */
    private static String runDirectory(String config, List<String> overrides, Components components) {
        Config loaded = Config.load(Path.of(config), overrides);
        ExperimentConfig experiment = RunResolver.resolve(loaded, components).experiment();
        return experiment.runsDir() + "/" + experiment.name() + "/" + experiment.runName();
    }
}
