package io.pylon.trainer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;

/** Two Gloo ranks in two JVMs on loopback, against one process with the whole batch. */
@Tag("slow")
class DataParallelTest {

    @TempDir
    Path dir;

    private Process start(Path out, Map<String, String> env, int steps, int batch) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                DataParallelStepsMain.class.getName(), out.toString(), String.valueOf(steps), String.valueOf(batch)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(out + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Map<String, String> rank(int rank, int port, String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("RANK", String.valueOf(rank), "WORLD_SIZE", "2",
                "LOCAL_RANK", String.valueOf(rank), "MASTER_ADDR", "127.0.0.1", "MASTER_PORT", String.valueOf(port)));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Double> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(Double::parseDouble).toList();
    }

    @Test
    void twoRanksWithHalfBatchesMatchOneProcessWithTheWholeBatch() throws Exception {
        int port = freePort();
        Process single = start(dir.resolve("single.txt"), Map.of(), 6, 32);
        Process rank0 = start(dir.resolve("rank0.txt"), rank(0, port), 6, 32);
        Process rank1 = start(dir.resolve("rank1.txt"), rank(1, port), 6, 32);
        for (Process p : List.of(single, rank0, rank1)) {
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(rank0.exitValue()).as(Files.readString(dir.resolve("rank0.txt.log"))).isZero();
        assertThat(rank1.exitValue()).as(Files.readString(dir.resolve("rank1.txt.log"))).isZero();
        assertThat(single.exitValue()).as(Files.readString(dir.resolve("single.txt.log"))).isZero();

        List<Double> expected = read(dir.resolve("single.txt"));
        List<Double> onRank0 = read(dir.resolve("rank0.txt"));
        List<Double> onRank1 = read(dir.resolve("rank1.txt"));
        assertThat(onRank0).hasSameSizeAs(expected).isEqualTo(onRank1);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(onRank0.get(i)).as("parameter %d", i).isCloseTo(expected.get(i),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
        double moved = 0;
        for (int i = 0; i < expected.size(); i++) {
            moved += Math.abs(expected.get(i));
        }
        assertThat(moved).as("the weights are not trivially zero").isGreaterThan(0.1);
    }

    @Test
    void aRankThatDiesMakesTheOtherFailWithinTheTimeoutNamingIt() throws Exception {
        int port = freePort();
        Process rank0 = start(dir.resolve("rank0.txt"), rank(0, port), 6, 32);
        Process rank1 = start(dir.resolve("rank1.txt"), rank(1, port, "DIE_AT_STEP", "2"), 6, 32);
        assertThat(rank1.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(rank1.exitValue()).isEqualTo(3);
        assertThat(rank0.waitFor(2, TimeUnit.MINUTES)).as("rank 0 does not hang").isTrue();
        assertThat(rank0.exitValue()).isNotZero();
        assertThat(Files.readString(dir.resolve("rank0.txt.log"))).contains("DistributedException")
                .contains("rank 0 of 2").contains("rank(s) 1 died, hung or cannot be reached");
    }

    @Test
    void aRendezvousPortInUseIsRefusedBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            DistributedEnv env = new DistributedEnv(0, 2, 0, "127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> ProcessGroup.join(env, java.time.Duration.ofSeconds(5)))
                    .isInstanceOf(PylonUserException.class).hasMessageContaining("port " + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void torchrunAndSlurmVariablesDescribeTheProcess() {
        assertThat(DistributedEnv.from(Map.of())).isEmpty();
        assertThat(DistributedEnv.from(Map.of("RANK", "1", "WORLD_SIZE", "4", "LOCAL_RANK", "1", "MASTER_ADDR", "h",
                "MASTER_PORT", "1234"))).contains(new DistributedEnv(1, 4, 1, "h", 1234));
        assertThat(DistributedEnv.from(Map.of("SLURM_PROCID", "3", "SLURM_NTASKS", "4", "SLURM_LOCALID", "1",
                "SLURM_JOB_NODELIST", "gpu[07-08],cpu1"))).contains(new DistributedEnv(3, 4, 1, "gpu07", 29500));
        assertThat(DistributedEnv.firstNode("a1,b[1-2]")).isEqualTo("a1");
        assertThatThrownBy(() -> DistributedEnv.from(Map.of("RANK", "0", "WORLD_SIZE", "2")))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("MASTER_ADDR");
        assertThatThrownBy(() -> DistributedEnv.from(Map.of("RANK", "2", "WORLD_SIZE", "2", "MASTER_ADDR", "h")))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("outside a world of 2");
    }
}
