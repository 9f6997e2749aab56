package io.pylon.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import io.pylon.criteria.Criterion;
import io.pylon.data.transform.Transform;
import io.pylon.metrics.Direction;
import io.pylon.metrics.Metric;
import io.pylon.trainer.callback.Callback;

/** Registrars that only record {@code kind:name}, so tests load plugins without touching the registries. */
final class RecordingRegistrars {

    final List<String> registered = Collections.synchronizedList(new ArrayList<>());
    /** Runs inside every model registration, to act like a plugin that looks something up while loading. */
    volatile Runnable onModel = () -> { };

    Registrars registrars() {
        CriterionRegistrar criteria = new CriterionRegistrar() {
            @Override
            public <P extends Record> void register(String name, Class<P> params, Function<? super P, Criterion> f) {
                registered.add("criterion:" + name);
            }
        };
        MetricRegistrar metrics = new MetricRegistrar() {
            @Override
            public <P extends Record> void register(String name, Class<P> params, Function<? super P, Metric> f,
                    Direction direction) {
                registered.add("metric:" + name);
            }
        };
        CallbackRegistrar callbacks = new CallbackRegistrar() {
            @Override
            public <P extends Record> void register(String name, Class<P> params, Function<? super P, Callback> f) {
                registered.add("callback:" + name);
            }
        };
        TransformRegistrar transforms = new TransformRegistrar() {
            @Override
            public <P extends Record> void register(String name, Class<P> params, Function<? super P, Transform> f) {
                registered.add("transform:" + name);
            }
        };
        return new Registrars((name, factory) -> {
            onModel.run();
            registered.add("model:" + name);
        }, criteria, metrics, callbacks,
                (name, factory) -> registered.add("dataset:" + name), transforms);
    }
}
