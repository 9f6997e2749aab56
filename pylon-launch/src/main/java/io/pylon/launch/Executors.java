package io.pylon.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.pylon.registry.Component;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;
import io.pylon.registry.Components;
import io.pylon.registry.UnknownNameException;

/**
 * The executor component kind: each executor is a name, a params record (bound from
 * {@code --executor-option key=value}, with its defaults and checks) and a factory, registered like every
 * other Pylon component. The kind lives here, not in pylon-core, because pylon-core never depends on SSH.
 */
public final class Executors {

    /** What an executor's factory gets besides its params: the launch folder and the program. */
    public record Context(Path launchDir, List<String> program) {
    }

    public static final ComponentKind<Context, JobExecutor> KIND = new ComponentKind<>("executor", JobExecutor.class);

    private static final Components BUILT_INS = builtIns();

    private Executors() {
    }

    public static void registerBuiltIns(ComponentRegistrar registrar) {
        registrar.add(component("local", LocalParams.class, (p, c) -> new LocalExecutor(c.launchDir(), c.program(), p)));
        registrar.add(component("ssh", SshParams.class, (p, c) -> new SshExecutor(c.launchDir(), c.program(), p)));
        registrar.add(component("slurm", SlurmParams.class, (p, c) -> new SlurmExecutor(c.launchDir(), c.program(), p)));
    }

    public static Set<String> names() {
        return BUILT_INS.names(KIND);
    }

    /** The executor a launch's manifest names, over the launch folder {@code launchDir}. */
    public static JobExecutor create(Path launchDir, LaunchManifest manifest) {
        Component<?, Context, JobExecutor> component;
        try {
            component = BUILT_INS.get(KIND, manifest.executor());
        } catch (UnknownNameException e) {
            throw new PylonUserException(e.getMessage() + "; choose one with --executor", e);
        }
        Record params = bind(manifest.executorOptions(), component.paramsType());
        return component.create(params, new Context(launchDir, manifest.program()));
    }

    private static <P extends Record> Component<P, Context, JobExecutor> component(String name, Class<P> params,
            io.pylon.registry.ComponentFactory<P, Context, JobExecutor> factory) {
        return new Component<>(KIND, name, params, (section, keyPath, binder) -> Binder.bind(section, keyPath, params),
                factory, List.of());
    }

    private static Components builtIns() {
        Components.Builder builder = Components.builder();
        registerBuiltIns(builder);
        return builder.build();
    }

    /** Binds {@code key=value} options (values are YAML flow values) to a params record. */
    static <P extends Record> P bind(Map<String, String> options, Class<P> type) {
        String yaml = options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n", "", "\n"));
        MapNode node = YamlReader.readDocument(options.isEmpty() ? "{}" : yaml, "--executor-option");
        return Binder.bind(node, "executor", type);
    }
}
