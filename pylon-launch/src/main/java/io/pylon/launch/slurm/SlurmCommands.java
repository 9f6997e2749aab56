package io.pylon.launch.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.pylon.PylonUserException;

/** Runs Slurm's command-line tools ({@code sbatch}, {@code squeue}, {@code scontrol}, {@code scancel}). */
final class SlurmCommands {

    /** Exit status and output of one command. */
    record Result(int exit, String out, String err) {
    }

    private final String slurmConf;
    private final Duration timeout;

    SlurmCommands(String slurmConf, Duration timeout) {
        this.slurmConf = slurmConf;
        this.timeout = timeout;
    }

    Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!slurmConf.isEmpty()) {
            builder.environment().put("SLURM_CONF", slurmConf);
        }
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not answer within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PylonUserException(command.get(0) + " could not be run (" + e.getMessage() + "); is Slurm"
                    + " installed on this machine and on the PATH?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
