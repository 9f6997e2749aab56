package io.pylon.launch.ssh;

/** What a command run over SSH printed, and its exit status (-1 when the host sent none). */
record RemoteResult(int exit, String out, String err) {
}
