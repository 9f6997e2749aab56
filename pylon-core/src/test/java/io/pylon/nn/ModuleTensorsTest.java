package io.pylon.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.testing.TinyModel;

class ModuleTensorsTest {

    @Test
    void namedTensorsStayValidAfterGarbageCollection() {
        Engine.start();
        Seeds.seed(1);
        TinyModel model = new TinyModel(4, 5, 3, 0.0);
        Map<String, Tensor> params = ModuleTensors.parameters(model);
        for (int i = 0; i < 5; i++) {
            System.gc();
            torch.randn(1000, 1000);
        }
        assertThat(params).containsOnlyKeys("first.weight", "first.bias", "second.weight", "second.bias");
        assertThat(Tensors.shape(params.get("first.weight"))).containsExactly(5, 4);
        assertThat(ModuleTensors.parameterCount(model)).isEqualTo(5 * 4 + 5 + 3 * 5 + 3);
    }

    @Test
    void loadCopiesInPlaceAndRefusesMismatches() {
        Engine.start();
        Seeds.seed(1);
        TinyModel a = new TinyModel(4, 5, 3, 0.0);
        Seeds.seed(2);
        TinyModel b = new TinyModel(4, 5, 3, 0.0);
        long address = ModuleTensors.parameters(b).get("first.weight").data_ptr().address();
        ModuleTensors.loadStateDict(b, ModuleTensors.stateDict(a));
        assertThat(ModuleTensors.parameters(b).get("first.weight").data_ptr().address()).isEqualTo(address);
        assertThat(Tensors.toFloats(ModuleTensors.parameters(b).get("first.weight")))
                .isEqualTo(Tensors.toFloats(ModuleTensors.parameters(a).get("first.weight")));

        Map<String, Tensor> wrong = new LinkedHashMap<>(ModuleTensors.stateDict(a));
        wrong.remove("second.bias");
        wrong.put("first.weight", torch.zeros(2, 2));
        wrong.put("extra", torch.zeros(1));
        assertThatThrownBy(() -> ModuleTensors.loadStateDict(b, wrong))
                .hasMessageContaining("missing: second.bias").hasMessageContaining("unexpected: extra")
                .hasMessageContaining("shape mismatch: first.weight expects [5, 4], got [2, 2]");
    }
}
