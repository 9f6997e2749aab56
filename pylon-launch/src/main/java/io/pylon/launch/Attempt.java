package io.pylon.launch;

/** The {@code number}-th start of a job (1 = first). */
public record Attempt(Job job, int number) {
}
