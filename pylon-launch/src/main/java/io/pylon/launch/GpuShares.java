package io.pylon.launch;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a machine's GPUs are shared out among its job slots: an equal share each when there are at least
 * as many GPUs as slots, otherwise one GPU per slot, round robin (slots then share GPUs).
 */
public final class GpuShares {

    private GpuShares() {
    }

    public static List<Integer> ofSlot(List<Integer> gpus, int slots, int slot) {
        if (gpus.isEmpty()) {
            return List.of();
        }
        if (gpus.size() >= slots) {
            int share = gpus.size() / slots;
            return List.copyOf(gpus.subList(slot * share, slot * share + share));
        }
        return List.of(gpus.get(slot % gpus.size()));
    }

    /** The value of {@code CUDA_VISIBLE_DEVICES}. */
    public static String visibleDevices(List<Integer> gpus) {
        return gpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** " (GPU 0,1)" for status lines; empty without GPUs. */
    public static String label(List<Integer> gpus) {
        return gpus.isEmpty() ? "" : " (GPU " + visibleDevices(gpus) + ")";
    }
}
