package io.pylon.trainer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;

class DeviceMonitorTest {

    @Test
    void nvidiaSmiOutputIsParsedAndGarbageIsIgnored() {
        assertThat(NvidiaSmiMonitor.parse("87, 10240, 81559")).containsEntry("gpu_util_pct", 87.0)
                .containsEntry("gpu_memory_used_mb", 10240.0).containsEntry("gpu_memory_total_mb", 81559.0);
        assertThat(NvidiaSmiMonitor.parse("No devices were found")).isEmpty();
        assertThat(NvidiaSmiMonitor.parse("[N/A], 1, 2")).isEmpty();
    }

    @Test
    void withoutAnNvidiaDriverTheMonitorReportsNothing() {
        boolean driver = Files.exists(Path.of("/dev/nvidiactl"));
        try (DeviceMonitor monitor = DeviceMonitor.open()) {
            if (driver) {
                assertThat(monitor.sample()).containsKey("gpu_memory_total_mb");
            } else {
                assertThat(monitor).isInstanceOf(DeviceMonitor.None.class);
                assertThat(monitor.sample()).isEmpty();
            }
        }
    }

    @Test
    void hostPeakMemorySeesAFreedTensorUntilReset() {
        Engine.start();
        assertThat(HostMemory.resetPeak()).as("Linux /proc/self/clear_refs").isTrue();
        long before = HostMemory.peakBytes().orElseThrow();
        try (PointerScope scope = new PointerScope()) {
            // 64 MiB of ones: written, so resident
            torch.ones(16L << 20).sum().item_double();
        }
        long peak = HostMemory.peakBytes().orElseThrow();
        assertThat(peak - before).isGreaterThan(48L << 20);
        HostMemory.resetPeak();
        assertThat(HostMemory.peakBytes().orElseThrow()).isLessThan(peak);
    }
}
