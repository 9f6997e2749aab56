/**
 * The {@code slurm} executor: pending jobs go to the cluster as one job array ({@code sbatch --array}),
 * each task running its job's wrapper script from the launch folder, which must be on storage the
 * compute nodes share. Status comes from {@code squeue} and the wrappers' exit files (no {@code sacct}:
 * clusters without accounting storage work too); a task that fails or leaves the queue without an
 * exit status is submitted again and resumes from its last checkpoint.
 */
package io.pylon.launch.slurm;
