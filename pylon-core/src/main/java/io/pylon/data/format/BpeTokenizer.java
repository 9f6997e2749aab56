package io.pylon.data.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level byte-pair encoding, as GPT-2: the text's UTF-8 bytes are split into chunks by GPT-2's pattern
 * (words with their leading space, numbers, punctuation runs, whitespace), and within each chunk adjacent tokens
 * are merged by the lowest-ranked applicable merge until none applies. Every byte has a token, so every text
 * encodes (there is no unknown token) and decodes back exactly.
 *
 * <p>Token {@code i} stands for the bytes {@code tokens[i]}; {@code merges[r] = (a, b)} is the merge of rank
 * {@code r}, whose result is the token with the bytes of {@code a} followed by those of {@code b}. Built by
 * {@link BpeTraining} from a corpus, or read from a Hugging Face {@code tokenizer.json} ({@link HfTokenizerJson}).
 */
public final class BpeTokenizer implements Tokenizer {

    /** GPT-2's pre-tokenization pattern. */
    static final Pattern CHUNKS = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    private final byte[][] tokens;
    private final int[][] merges;
    private final int[] byteIds = new int[256];
    /** (a, b) -> rank, packed as a long. */
    private final Map<Long, Integer> ranks = new HashMap<>();
    private final Map<Long, Integer> results = new HashMap<>();

    BpeTokenizer(byte[][] tokens, int[][] merges) {
        this.tokens = tokens.clone();
        this.merges = merges.clone();
        Arrays.fill(byteIds, -1);
        Map<String, Integer> ids = new HashMap<>();
        for (int id = 0; id < tokens.length; id++) {
            if (tokens[id].length == 1 && byteIds[tokens[id][0] & 0xff] < 0) {
                byteIds[tokens[id][0] & 0xff] = id;
            }
            ids.putIfAbsent(key(tokens[id]), id);
        }
        for (int b = 0; b < 256; b++) {
            if (byteIds[b] < 0) {
                throw new IllegalArgumentException("byte " + b + " has no token: a byte-level vocabulary needs all 256");
            }
        }
        for (int r = 0; r < merges.length; r++) {
            int a = merges[r][0];
            int b = merges[r][1];
            if (a < 0 || a >= tokens.length || b < 0 || b >= tokens.length) {
                throw new IllegalArgumentException("merge " + r + " names a token outside [0, " + tokens.length + ")");
            }
            Integer result = ids.get(key(concat(tokens[a], tokens[b])));
            if (result == null) {
                throw new IllegalArgumentException("merge " + r + " makes a token that is not in the vocabulary");
            }
            ranks.putIfAbsent(pair(a, b), r);
            results.putIfAbsent(pair(a, b), result);
        }
    }

    @Override
    public String kind() {
        return "bpe";
    }

    @Override
    public int vocabSize() {
        return tokens.length;
    }

    byte[][] tokenBytes() {
        return tokens.clone();
    }

    int[][] merges() {
        return merges.clone();
    }

    @Override
    public long[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        Matcher m = CHUNKS.matcher(text);
        while (m.find()) {
            for (int id : encodeChunk(m.group().getBytes(StandardCharsets.UTF_8))) {
                out.add(id);
            }
        }
        return out.stream().mapToLong(Integer::longValue).toArray();
    }

    /** The tokens of one pre-tokenized chunk: its bytes, merged by rank. */
    int[] encodeChunk(byte[] bytes) {
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = byteIds[bytes[i] & 0xff];
        }
        int n = ids.length;
        while (n > 1) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < n; i++) {
                Integer rank = ranks.get(pair(ids[i], ids[i + 1]));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            int a = ids[best];
            int b = ids[best + 1];
            int merged = results.get(pair(a, b));
            int w = 0;
            for (int i = 0; i < n; i++) {
                if (i + 1 < n && ids[i] == a && ids[i + 1] == b) {
                    ids[w++] = merged;
                    i++;
                } else {
                    ids[w++] = ids[i];
                }
            }
            n = w;
        }
        return Arrays.copyOf(ids, n);
    }

    @Override
    public String decode(long[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (long id : ids) {
            if (id < 0 || id >= tokens.length) {
                throw new IllegalArgumentException("token id " + id + " outside the vocabulary [0, " + tokens.length
                        + ")");
            }
            bytes.writeBytes(tokens[(int) id]);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static long pair(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String key(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BpeTokenizer that && Arrays.deepEquals(tokens, that.tokens)
                && Arrays.deepEquals(merges, that.merges);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(tokens) + Arrays.deepHashCode(merges);
    }

    @Override
    public String toString() {
        return "BpeTokenizer[" + tokens.length + " tokens, " + merges.length + " merges]";
    }
}
