package io.pylon.data.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Learns a {@link BpeTokenizer} from a corpus: tokens 0..255 are the bytes; then, until the vocabulary has
 * {@code vocabSize} tokens, the most frequent adjacent pair of tokens inside the pre-tokenized chunks (counted
 * with the chunks' frequencies) becomes a new token. Ties go to the pair seen first in scan order, so a corpus
 * gives one vocabulary. Stops early when no pair occurs twice.
 */
public final class BpeTraining {

    private BpeTraining() {
    }

    /** @param vocabSize tokens wanted, >= 256 */
    public static BpeTokenizer train(String corpus, int vocabSize) {
        if (vocabSize < 256) {
            throw new IllegalArgumentException("vocab_size must be >= 256 (one token per byte), got " + vocabSize);
        }
        Map<String, Integer> chunkCounts = new HashMap<>();
        List<String> order = new ArrayList<>();
        Matcher m = BpeTokenizer.CHUNKS.matcher(corpus);
        while (m.find()) {
            String chunk = m.group();
            if (chunkCounts.merge(chunk, 1, Integer::sum) == 1) {
                order.add(chunk);
            }
        }
        List<int[]> words = new ArrayList<>();
        int[] counts = new int[order.size()];
        for (int w = 0; w < order.size(); w++) {
            byte[] bytes = order.get(w).getBytes(StandardCharsets.UTF_8);
            int[] ids = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                ids[i] = bytes[i] & 0xff;
            }
            words.add(ids);
            counts[w] = chunkCounts.get(order.get(w));
        }
        List<byte[]> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(new byte[] {(byte) b});
        }
        List<int[]> merges = new ArrayList<>();
        while (tokens.size() < vocabSize) {
            Map<Long, Long> pairCounts = new HashMap<>();
            Map<Long, Integer> firstSeen = new HashMap<>();
            for (int w = 0; w < words.size(); w++) {
                int[] ids = words.get(w);
                for (int i = 0; i + 1 < ids.length; i++) {
                    long p = BpeTokenizer.pair(ids[i], ids[i + 1]);
                    pairCounts.merge(p, (long) counts[w], Long::sum);
                    firstSeen.putIfAbsent(p, firstSeen.size());
                }
            }
            long best = 0;
            long bestCount = 1;
            int bestSeen = Integer.MAX_VALUE;
            for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
                long c = e.getValue();
                int seen = firstSeen.get(e.getKey());
                if (c > bestCount || c == bestCount && c > 1 && seen < bestSeen) {
                    best = e.getKey();
                    bestCount = c;
                    bestSeen = seen;
                }
            }
            if (bestCount < 2) {
                break;
            }
            int a = (int) (best >>> 32);
            int b = (int) best;
            int merged = tokens.size();
            tokens.add(BpeTokenizer.concat(tokens.get(a), tokens.get(b)));
            merges.add(new int[] {a, b});
            for (int w = 0; w < words.size(); w++) {
                words.set(w, replace(words.get(w), a, b, merged));
            }
        }
        return new BpeTokenizer(tokens.toArray(byte[][]::new), merges.toArray(int[][]::new));
    }

    private static int[] replace(int[] ids, int a, int b, int merged) {
        int[] out = null;
        int w = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i + 1 < ids.length && ids[i] == a && ids[i + 1] == b) {
                if (out == null) {
                    out = new int[ids.length];
                    System.arraycopy(ids, 0, out, 0, i);
                    w = i;
                }
                out[w++] = merged;
                i++;
            } else if (out != null) {
                out[w++] = ids[i];
            }
        }
        return out == null ? ids : java.util.Arrays.copyOf(out, w);
    }
}
