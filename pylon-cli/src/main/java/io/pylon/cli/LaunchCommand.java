package io.pylon.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.plugin.StandardComponents;
import io.pylon.PylonUserException;
import io.pylon.cli.launch.LaunchCancelCommand;
import io.pylon.cli.launch.LaunchDriver;
import io.pylon.cli.launch.LaunchLogsCommand;
import io.pylon.cli.launch.LaunchResumeCommand;
import io.pylon.cli.launch.LaunchStatusCommand;
import io.pylon.launch.Executors;
import io.pylon.launch.Job;
import io.pylon.launch.JobPlan;
import io.pylon.launch.LaunchManifest;

/**
 * {@code pylon launch [options] CONFIG... [overrides]}: runs one training job per config and per sweep
 * combination ({@code -m key=v1,v2}) on an executor, journaled under {@code launches/<name>/}.
 */
@Command(name = "launch", description = "Run many trainings (configs, sweeps) on local processes, SSH hosts or Slurm.",
        subcommands = {LaunchStatusCommand.class, LaunchCancelCommand.class, LaunchLogsCommand.class,
                LaunchResumeCommand.class})
final class LaunchCommand implements Callable<Integer> {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(paramLabel = "CONFIG|OVERRIDE", description = "experiment YAML files, then overrides key.path=value"
            + " (with -m: key.path=v1,v2 sweeps)")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-m", "--multirun"}, description = "treat comma-separated override values as sweep choices")
    boolean multirun;

    @Option(names = "--executor", defaultValue = "local", description = "local | ssh | slurm (default: ${DEFAULT-VALUE})")
    String executor;

    @Option(names = "--name", description = "launch name (folder under --launches-dir; default: the start time)")
    String name;

    @Option(names = "--launches-dir", defaultValue = "launches", description = "where launch journals go")
    Path launchesDir;

    @Option(names = "--slots", description = "local: jobs at once (default: one per GPU, or 1)")
    Integer slots;

    @Option(names = "--hosts", description = "ssh: the hosts file (YAML)")
    String hosts;

    @Option(names = "--partition", description = "slurm: the partition to submit to")
    String partition;

    @Option(names = {"-E", "--executor-option"}, paramLabel = "KEY=VALUE", description = "any executor parameter")
    Map<String, String> executorOptions = new LinkedHashMap<>();

    @Option(names = "--program", description = "command that runs `train ...` where jobs run (default: this pylon"
            + " for local, ./pylon in the workdir otherwise)")
    String program;

    @Option(names = "--max-attempts", defaultValue = "3", description = "attempts per job (default: ${DEFAULT-VALUE})")
    int maxAttempts;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        List<String> configs = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        for (String argument : arguments) {
            boolean override = argument.contains("=") || argument.startsWith("~") || argument.startsWith("+");
            if (!override && !overrides.isEmpty()) {
                throw new PylonUserException("'" + argument + "' after the overrides: give every CONFIG.yaml first,"
                        + " then key.path=value overrides");
            }
            (override ? overrides : configs).add(argument);
        }
        if (maxAttempts < 1) {
            throw new PylonUserException("--max-attempts must be >= 1, got " + maxAttempts);
        }
        String launchName = name != null ? name : LocalDateTime.now().format(NAME);
        if (!launchName.matches("[A-Za-z0-9._-]+")) {
            throw new PylonUserException("--name must be a folder name (letters, digits, . _ -), got '" + launchName + "'");
        }
        List<Job> jobs = JobPlan.expand(launchName, configs, overrides, multirun, StandardComponents.withPlugins());
        Map<String, String> options = new LinkedHashMap<>(executorOptions);
        if (slots != null) {
            options.put("slots", slots.toString());
        }
        if (hosts != null) {
            options.put("hosts", Path.of(hosts).toAbsolutePath().toString());
        }
        if (partition != null) {
            options.put("partition", partition);
        }
        LaunchManifest manifest = new LaunchManifest(launchName, executor, options, programWords(), maxAttempts, jobs);
        return LaunchDriver.start(launchesDir.resolve(launchName), manifest);
    }

    private List<String> programWords() {
        if (program != null) {
            return List.of(program.strip().split("\\s+"));
        }
        if (executor.equals("local")) {
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName());
        }
        return List.of();   // each SSH host's `pylon:` entry, or ./pylon for Slurm
    }

}
