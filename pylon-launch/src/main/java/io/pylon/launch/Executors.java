package io.pylon.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.MapNode;
import io.pylon.config.YamlReader;
import io.pylon.launch.local.LocalExecutor;
import io.pylon.launch.local.LocalParams;
import io.pylon.launch.slurm.SlurmExecutor;
import io.pylon.launch.slurm.SlurmParams;
import io.pylon.launch.ssh.SshExecutor;
import io.pylon.launch.ssh.SshParams;

/**
 * The executors by name, each a params record (bound from {@code --executor-option key=value}, with its
 * defaults and checks) and a factory, the shape every Pylon component has.
 */
public final class Executors {

    /** What a factory gets: the launch folder, the program and the bound params. */
    private record Kind<P extends Record>(Class<P> params, Factory<P> factory) {
        JobExecutor create(Path launchDir, List<String> program, Map<String, String> options) {
            return factory.create(launchDir, program, bind(options, params));
        }
    }

    @FunctionalInterface
    private interface Factory<P> {
        JobExecutor create(Path launchDir, List<String> program, P params);
    }

    private static final Map<String, Kind<?>> KINDS = Map.of(
            "local", new Kind<>(LocalParams.class, LocalExecutor::new),
            "ssh", new Kind<>(SshParams.class, SshExecutor::new),
            "slurm", new Kind<>(SlurmParams.class, SlurmExecutor::new));

    private Executors() {
    }

    public static List<String> names() {
        return KINDS.keySet().stream().sorted().toList();
    }

    /** The executor a launch's manifest names, over the launch folder {@code launchDir}. */
    public static JobExecutor create(Path launchDir, LaunchManifest manifest) {
        Kind<?> kind = KINDS.get(manifest.executor());
        if (kind == null) {
            throw new PylonUserException("unknown executor '" + manifest.executor() + "'; known: "
                    + String.join(", ", names()));
        }
        return kind.create(launchDir, manifest.program(), manifest.executorOptions());
    }

    /** Binds {@code key=value} options (values are YAML flow values) to a params record. */
    static <P extends Record> P bind(Map<String, String> options, Class<P> type) {
        String yaml = options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
        MapNode node = options.isEmpty() ? YamlReader.readDocument("{}", "--executor-option")
                : YamlReader.readDocument(yaml, "--executor-option");
        return Binder.bind(node, "executor", type);
    }

}
