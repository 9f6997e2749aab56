package io.pylon.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pylon.criteria.Criteria;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Datasets;
import io.pylon.data.transform.Transforms;
import io.pylon.metrics.Metrics;
import io.pylon.models.Models;
import io.pylon.optim.Optimizers;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.Components;
import io.pylon.trainer.callback.Callbacks;

/** Every built-in component of every kind keeps its kind's contract. */
class BuiltInContractTest extends ComponentContracts {

    @Override
    protected Components components() {
        return StandardComponents.builtIns();
    }

    @Test
    void theBuiltInsCoverEveryKind() {
        assertThat(components().kinds()).contains(Models.KIND, Criteria.KIND, Metrics.KIND, Callbacks.KIND,
                Transforms.KIND, DatasetFormats.KIND, Datasets.KIND, Optimizers.KIND);
    }
}
