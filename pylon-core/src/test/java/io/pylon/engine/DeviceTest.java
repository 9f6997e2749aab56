package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.pylon.PylonUserException;

class DeviceTest {

    @Test
    void parsesEveryForm() {
        assertThat(Device.parse("cpu")).isEqualTo(Device.CPU);
        assertThat(Device.parse("CUDA")).isEqualTo(new Device.Cuda(0));
        assertThat(Device.parse("cuda:3")).isEqualTo(new Device.Cuda(3));
    }

    @Test
    void autoFallsBackToCpuWithoutAGpu() {
        Device auto = Device.parse("auto");
        assertThat(auto).isEqualTo(Engine.cudaAvailable() ? new Device.Cuda(0) : Device.CPU);
    }

    @Test
    void unknownDeviceSaysWhatIsAllowed() {
        assertThatThrownBy(() -> Device.parse("gpu")).hasMessageContaining("auto, cpu, cuda or cuda:N");
    }

    @Test
    void unavailableCudaSaysWhatToDo() {
        if (Engine.cudaAvailable()) {
            assertThatThrownBy(() -> new Device.Cuda(99).requireAvailable()).hasMessageContaining("only");
        } else {
            // CPU-only natives (this build) and a CUDA build without a GPU get different advice
            assertThatThrownBy(() -> new Device.Cuda(0).requireAvailable())
                    .isInstanceOf(PylonUserException.class)
                    .hasMessageContaining(Engine.cudaBuild() ? "no CUDA device is visible" : "CPU-only libtorch natives")
                    .hasMessageContaining("trainer.device=cpu");
        }
    }
}
