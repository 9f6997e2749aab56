/**
 * Data-parallel training over libtorch's c10d: where a process sits in a distributed job
 * ({@link io.pylon.trainer.strategy.DistributedEnv}, from torchrun's or Slurm's variables), the process
 * group (TCPStore rendezvous, Gloo collectives) and the gradient all-reduce over the optimizer's flat
 * gradient buffers, called by the loop after backward. Not to be confused with {@code pylon launch},
 * which runs many independent jobs.
 */
package io.pylon.trainer.strategy;
