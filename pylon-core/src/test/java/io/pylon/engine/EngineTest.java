package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void explicitSettingsSurviveLaterDefaultStarts() {
        Engine.start(new EngineOptions(1));
        Engine.start();
        Device.parse("auto");
        assertThat(Engine.intraOpThreads()).isEqualTo(1);
        assertThat(torch.globalContext().userEnabledMkldnn()).isFalse();
        assertThat(torch.globalContext().userEnabledNNPACK()).isFalse();
        Engine.start(new EngineOptions(2, true));
        assertThat(Engine.intraOpThreads()).isEqualTo(2);
        assertThat(torch.globalContext().userEnabledMkldnn()).isTrue();
        Engine.start(EngineOptions.defaults());
    }
}
