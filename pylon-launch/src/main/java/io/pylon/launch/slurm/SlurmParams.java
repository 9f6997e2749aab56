package io.pylon.launch.slurm;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Parameters of the {@code slurm} executor.
 *
 * @param partition   partition to submit to; empty = the cluster's default
 * @param time        {@code --time} limit per task ({@code 1:00:00}); empty = the partition's
 * @param cpusPerTask {@code --cpus-per-task}
 * @param gpusPerTask GPUs per task ({@code --gres=gpu:N}); 0 = none
 * @param maxParallel most tasks of one array running at once ({@code --array=...%N}); 0 = no limit
 * @param slurmConf   {@code SLURM_CONF} for the Slurm commands; empty = the system's
 * @param extraArgs   more {@code sbatch} arguments, passed as given
 */
public record SlurmParams(@Default("\"\"") String partition, @Default("\"\"") String time,
        @Default("1") int cpusPerTask, @Default("0") int gpusPerTask, @Default("0") int maxParallel,
        @Default("\"\"") String slurmConf, @Default("[]") List<String> extraArgs) {

    public SlurmParams {
        extraArgs = List.copyOf(extraArgs);
        InvalidValueException.require(cpusPerTask >= 1, "cpus_per_task", "must be >= 1, got %d", cpusPerTask);
        InvalidValueException.require(gpusPerTask >= 0, "gpus_per_task", "must be >= 0, got %d", gpusPerTask);
        InvalidValueException.require(maxParallel >= 0, "max_parallel", "must be >= 0 (0 = no limit), got %d", maxParallel);
        InvalidValueException.require(partition.matches("[A-Za-z0-9_.-]*"), "partition",
                "must be a partition name, got '%s'", partition);
    }
}
