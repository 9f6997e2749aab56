package io.pylon.trainer.strategy;

import java.util.Map;
import java.util.Optional;

import io.pylon.PylonUserException;

/**
 * This process's place in a distributed job, read from the environment as torchrun sets it
 * ({@code RANK}, {@code WORLD_SIZE}, {@code LOCAL_RANK}, {@code MASTER_ADDR}, {@code MASTER_PORT}) or,
 * failing that, as Slurm's {@code srun} does ({@code SLURM_PROCID}, {@code SLURM_NTASKS},
 * {@code SLURM_LOCALID}, the first node of {@code SLURM_JOB_NODELIST}).
 *
 * @param rank       0 .. worldSize-1; rank 0 hosts the TCPStore
 * @param worldSize  processes in the job
 * @param localRank  rank among the processes of this machine (its GPU index)
 * @param masterAddr where rank 0's TCPStore listens
 * @param masterPort its port
 */
public record DistributedEnv(int rank, int worldSize, int localRank, String masterAddr, int masterPort) {

    public static final int DEFAULT_PORT = 29500;

    public DistributedEnv {
        if (worldSize < 1 || rank < 0 || rank >= worldSize) {
            throw new PylonUserException("rank " + rank + " is outside a world of " + worldSize + " process(es)");
        }
        if (masterPort < 1 || masterPort > 65535) {
            throw new PylonUserException("MASTER_PORT must be in [1, 65535], got " + masterPort);
        }
    }

    /** The distributed job this process belongs to, or empty when it runs alone. */
    public static Optional<DistributedEnv> from(Map<String, String> env) {
        if (env.containsKey("RANK") || env.containsKey("WORLD_SIZE")) {
            return Optional.of(new DistributedEnv(integer(env, "RANK"), integer(env, "WORLD_SIZE"),
                    env.containsKey("LOCAL_RANK") ? integer(env, "LOCAL_RANK") : integer(env, "RANK"),
                    required(env, "MASTER_ADDR"), env.containsKey("MASTER_PORT") ? integer(env, "MASTER_PORT")
                            : DEFAULT_PORT));
        }
        if (env.containsKey("SLURM_PROCID") && env.containsKey("SLURM_NTASKS")
                && Integer.parseInt(env.get("SLURM_NTASKS").strip()) > 1) {
            String master = env.containsKey("MASTER_ADDR") ? env.get("MASTER_ADDR")
                    : firstNode(required(env, "SLURM_JOB_NODELIST"));
            return Optional.of(new DistributedEnv(integer(env, "SLURM_PROCID"), integer(env, "SLURM_NTASKS"),
                    env.containsKey("SLURM_LOCALID") ? integer(env, "SLURM_LOCALID") : 0, master,
                    env.containsKey("MASTER_PORT") ? integer(env, "MASTER_PORT") : DEFAULT_PORT));
        }
        return Optional.empty();
    }

    /** The first host of a Slurm node list: {@code gpu[03-05,07],cpu1} gives {@code gpu03}. */
    static String firstNode(String nodeList) {
        String first = nodeList.strip();
        int bracket = first.indexOf('[');
        int comma = first.indexOf(',');
        if (comma >= 0 && (bracket < 0 || comma < bracket)) {
            return first.substring(0, comma);
        }
        if (bracket < 0) {
            return first;
        }
        String range = first.substring(bracket + 1).split("[,\\]]")[0];
        return first.substring(0, bracket) + range.split("-")[0];
    }

    private static int integer(Map<String, String> env, String name) {
        String value = required(env, name);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new PylonUserException("environment variable " + name + " must be an integer, got '" + value + "'");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new PylonUserException("environment variable " + name + " is missing: a distributed run needs RANK,"
                    + " WORLD_SIZE, MASTER_ADDR (and MASTER_PORT, LOCAL_RANK), as torchrun or srun set them");
        }
        return value;
    }
}
