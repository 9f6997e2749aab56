package io.pylon.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the valid name closest to a mistyped one, so that errors can say "did you mean ...". */
public final class Suggestions {

    private Suggestions() {
    }

    /** The candidate with the smallest edit distance to {@code name} (the first one on ties). */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"} or "" when there is nothing to suggest. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return nearest(name, candidates).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    /** Levenshtein distance (insertions, deletions and substitutions each cost 1). */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
