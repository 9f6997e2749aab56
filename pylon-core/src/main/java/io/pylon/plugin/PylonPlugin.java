package io.pylon.plugin;

import io.pylon.registry.ComponentRegistrar;

/**
 * A jar's contribution of named components, found with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/io.pylon.plugin.PylonPlugin}. Configs then use the
 * components by name exactly like the built-ins, so a new model or loss needs no change to Pylon itself.
 * One hook serves every kind, including kinds added after this interface was written:
 * <pre>
 * public void register(ComponentRegistrar components) {
 *     components.register(Models.KIND, "tiny_res_mlp", TinyResMlpParams.class, TinyResMlp::new);
 *     components.registerSimple(Criteria.KIND, "label_smoothed_ce", LabelSmoothedCe.class, loss -&gt; loss);
 * }
 * </pre>
 * Names are per kind: registering a name that a built-in or another plugin already uses fails loading.
 * Implementations need a public no-argument constructor.
 */
public interface PylonPlugin {

    void register(ComponentRegistrar components);
}
