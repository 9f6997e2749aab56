package io.pylon.track;

/**
 * What one refresh of the index did.
 *
 * @param runs       run directories found
 * @param added      runs new to the index
 * @param removed    runs whose directory is gone
 * @param points     metric values read (only bytes appended since the last refresh are read)
 * @param rescans    metrics files read again from the start because they were rewritten (resume)
 * @param badLines   complete lines that were not valid metric records (skipped)
 */
public record RefreshStats(int runs, int added, int removed, long points, int rescans, int badLines) {
}
