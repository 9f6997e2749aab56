package io.pylon.trainer.profile;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's resident memory on Linux, from {@code /proc/self/status}: the current size ({@code VmRSS})
 * and the peak since the last {@link #resetPeak} ({@code VmHWM}, reset by writing 5 to
 * {@code /proc/self/clear_refs}). libtorch's CPU tensors live in the C heap, so the peak over a step is
 * the step's memory high-water mark. Elsewhere every reading is empty.
 */
public final class HostMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    /** glibc's mallopt parameter number of M_MMAP_THRESHOLD. */
    private static final int M_MMAP_THRESHOLD = -3;

    private HostMemory() {
    }

    /** Starts a new peak at the current resident size; false where the platform cannot. */
    public static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Peak resident bytes since the last {@link #resetPeak} (or process start). */
    public static OptionalLong peakBytes() {
        return field("VmHWM:");
    }

    public static OptionalLong residentBytes() {
        return field("VmRSS:");
    }

    /**
     * Makes glibc serve every block of {@code thresholdBytes} or more with its own mapping, returned to the
     * OS when freed. By default glibc raises that threshold as large blocks are freed, after which freed
     * tensors stay resident and a later, smaller step reads as large as the largest one before it: fixing
     * it makes successive peak measurements comparable (finders, memory benchmarks). Costs page faults, so
     * training leaves it alone. Returns false where it is not glibc.
     */
    public static boolean returnFreedBlocksToOs(long thresholdBytes) {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle mallopt = linker.defaultLookup().find("mallopt")
                    .map(address -> linker.downcallHandle(address,
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                    .orElse(null);
            if (mallopt == null) {
                return false;
            }
            return (int) mallopt.invokeExact(M_MMAP_THRESHOLD, (int) Math.min(thresholdBytes, Integer.MAX_VALUE)) == 1;
        } catch (Throwable e) {
            return false;
        }
    }

    private static OptionalLong field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
