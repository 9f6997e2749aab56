package io.pylon.trainer.profile;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * NVML ({@code libnvidia-ml.so.1}, shipped with the NVIDIA driver) called through the FFM API: no JNI
 * library, no CUDA toolkit. Uses {@code nvmlInit_v2}, {@code nvmlDeviceGetHandleByIndex_v2},
 * {@code nvmlDeviceGetUtilizationRates} (struct of two uints: gpu, memory percent) and
 * {@code nvmlDeviceGetMemoryInfo} (struct of three ulongs: total, free, used bytes).
 */
final class NvmlMonitor implements DeviceMonitor {

    private static final int NVML_SUCCESS = 0;

    private final Arena arena;
    private final MemorySegment device;
    private final MethodHandle utilization;
    private final MethodHandle memoryInfo;
    private final MethodHandle shutdown;

    private NvmlMonitor(Arena arena, MemorySegment device, MethodHandle utilization, MethodHandle memoryInfo,
            MethodHandle shutdown) {
        this.arena = arena;
        this.device = device;
        this.utilization = utilization;
        this.memoryInfo = memoryInfo;
        this.shutdown = shutdown;
    }

    /** Empty when the library does not load or device {@code index} cannot be opened. */
    static Optional<NvmlMonitor> open(int index) {
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup nvml = SymbolLookup.libraryLookup("libnvidia-ml.so.1", arena);
            Linker linker = Linker.nativeLinker();
            MethodHandle init = linker.downcallHandle(nvml.findOrThrow("nvmlInit_v2"), FunctionDescriptor.of(JAVA_INT));
            MethodHandle handle = linker.downcallHandle(nvml.findOrThrow("nvmlDeviceGetHandleByIndex_v2"),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
            MethodHandle utilization = linker.downcallHandle(nvml.findOrThrow("nvmlDeviceGetUtilizationRates"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            MethodHandle memoryInfo = linker.downcallHandle(nvml.findOrThrow("nvmlDeviceGetMemoryInfo"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            MethodHandle shutdown = linker.downcallHandle(nvml.findOrThrow("nvmlShutdown"), FunctionDescriptor.of(JAVA_INT));
            if ((int) init.invokeExact() != NVML_SUCCESS) {
                arena.close();
                return Optional.empty();
            }
            MemorySegment out = arena.allocate(ADDRESS);
            if ((int) handle.invokeExact(index, out) != NVML_SUCCESS) {
                int ignored = (int) shutdown.invokeExact();
                arena.close();
                return Optional.empty();
            }
            return Optional.of(new NvmlMonitor(arena, out.get(ADDRESS, 0), utilization, memoryInfo, shutdown));
        } catch (Throwable e) {
            // IllegalArgumentException when the library is absent; anything else: treat NVML as unusable
            arena.close();
            return Optional.empty();
        }
    }

    @Override
    public Map<String, Double> sample() {
        Map<String, Double> values = new LinkedHashMap<>();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment rates = call.allocate(8);
            if ((int) utilization.invokeExact(device, rates) == NVML_SUCCESS) {
                values.put("gpu_util_pct", (double) Integer.toUnsignedLong(rates.get(JAVA_INT, 0)));
            }
            MemorySegment memory = call.allocate(24);
            if ((int) memoryInfo.invokeExact(device, memory) == NVML_SUCCESS) {
                values.put("gpu_memory_used_mb", memory.get(JAVA_LONG, 16) / (1024.0 * 1024.0));
                values.put("gpu_memory_total_mb", memory.get(JAVA_LONG, 0) / (1024.0 * 1024.0));
            }
        } catch (Throwable e) {
            return Map.of();
        }
        return values;
    }

    @Override
    public String source() {
        return "NVML (libnvidia-ml.so.1 through the FFM API)";
    }

    @Override
    public void close() {
        try {
            int ignored = (int) shutdown.invokeExact();
        } catch (Throwable e) {
            // shutting down a monitor must not fail a run
        }
        arena.close();
    }
}
