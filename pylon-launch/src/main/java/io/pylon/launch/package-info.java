/**
 * {@code pylon launch}: runs many training jobs (a sweep, a list of configs) on an interchangeable
 * executor ({@code local} processes, {@code ssh} hosts, {@code slurm}). A {@link io.pylon.launch.Job} is
 * a config, its overrides and its run directory; a launch keeps a journal ({@code launch.json} +
 * {@code journal.jsonl}) from which a restarted launcher rebuilds every job's state and reattaches to
 * the jobs still running. Each job runs through a small shell wrapper that writes its exit code to a
 * file, so that status comes from files and survives the launcher. Not to be confused with the ranks of
 * one distributed run, which the trainer spawns itself.
 */
package io.pylon.launch;
