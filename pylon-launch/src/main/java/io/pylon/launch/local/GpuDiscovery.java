package io.pylon.launch.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The GPUs of this machine, as {@code nvidia-smi} lists them; none when it is absent or fails. */
final class GpuDiscovery {

    private GpuDiscovery() {
    }

    static List<Integer> localGpus() {
        try {
            Process process = new ProcessBuilder("nvidia-smi", "--query-gpu=index", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? parseIndices(out) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** One index per line, as {@code --query-gpu=index --format=csv,noheader} prints them. */
    static List<Integer> parseIndices(String text) {
        List<Integer> indices = new ArrayList<>();
        for (String line : text.split("\n")) {
            String index = line.strip();
            if (index.matches("\\d+")) {
                indices.add(Integer.parseInt(index));
            }
        }
        return List.copyOf(indices);
    }
}
