package io.pylon.example;

import io.pylon.models.ModelFactory;
import io.pylon.plugin.CallbackRegistrar;
import io.pylon.plugin.CriterionRegistrar;
import io.pylon.plugin.ModelRegistrar;
import io.pylon.plugin.PylonPlugin;

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
    public void registerModels(ModelRegistrar models) {
        models.register(MODEL, new ModelFactory<>(TinyResMlpParams.class, TinyResMlp::new));
    }

    @Override
    public void registerCriteria(CriterionRegistrar criteria) {
        criteria.register(LOSS, LabelSmoothedCe.class, loss -> loss);
    }

    @Override
    public void registerCallbacks(CallbackRegistrar callbacks) {
        callbacks.register(CALLBACK, EpochTimer.Params.class, EpochTimer::new);
    }
}
