package io.pylon.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.config.Config;
import io.pylon.plugin.StandardComponents;
import io.pylon.trainer.RunResolver;

/** {@code pylon config CONFIG [overrides]}: prints the resolved config after checking it exactly as {@code train} does. */
@Command(name = "config", description = "Print the resolved config (defaults composed, overrides applied, interpolated).")
final class ConfigCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "experiment YAML file")
    Path file;

    @Parameters(index = "1..*", description = "overrides key.path=value")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        Config config = Config.load(file, overrides);
        RunResolver.resolve(config, StandardComponents.withPlugins());
        System.out.print(config.toYaml());
        return 0;
    }
}
