package io.pylon.example;

import io.pylon.criteria.Criteria;
import io.pylon.models.Models;
import io.pylon.plugin.PylonPlugin;
import io.pylon.registry.ComponentRegistrar;
import io.pylon.trainer.callback.Callbacks;

/**
 * Registers this jar's components under their config names. Listed in
 * {@code META-INF/services/io.pylon.plugin.PylonPlugin}, so putting the jar on the class path is all a
 * user does to write {@code model: {name: tiny_resmlp}}.
 */
public final class ExamplePlugin implements PylonPlugin {

    public static final String MODEL = "tiny_resmlp";
    public static final String LOSS = "label_smoothed_ce";
    public static final String CALLBACK = "epoch_timer";

    @Override
    public void register(ComponentRegistrar components) {
        components.register(Models.KIND, MODEL, TinyResMlpParams.class, TinyResMlp::new);
        components.registerSimple(Criteria.KIND, LOSS, LabelSmoothedCe.class, loss -> loss);
        components.registerSimple(Callbacks.KIND, CALLBACK, EpochTimer.Params.class, EpochTimer::new);
    }
}
