/**
 * The {@code ssh} executor: jobs on a pool of hosts listed in a hosts file, through Apache MINA SSHD.
 * Connections are pooled per host; a host that stops answering is marked down (health checks with
 * backoff bring it back) and its jobs are rescheduled on the others, resuming from their last
 * checkpoint, which requires the run directories on storage every host sees (a shared file system).
 * Host keys are checked against a known_hosts file: an unknown key is refused, never accepted.
 */
package io.pylon.launch.ssh;
