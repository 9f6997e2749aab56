package io.pylon.data.format;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Character-level tokenizer: the vocabulary is a list of characters (Unicode code points, so an emoji is one
 * character as in Python), and a character's token id is its position in that list. Built from a text,
 * the list is the text's distinct characters sorted by code point, as nanoGPT's {@code sorted(set(text))}.
 */
public final class CharTokenizer implements Tokenizer {

    private final int[] symbols;
    private final Map<Integer, Integer> ids;

    private CharTokenizer(int[] symbols) {
        this.symbols = symbols.clone();
        this.ids = new HashMap<>();
        for (int i = 0; i < symbols.length; i++) {
            if (ids.put(symbols[i], i) != null) {
                throw new IllegalArgumentException("character " + describe(symbols[i])
                        + " appears twice in the vocabulary");
            }
        }
    }

    /** The sorted distinct characters of {@code text}. */
    public static CharTokenizer fromText(String text) {
        return new CharTokenizer(text.codePoints().distinct().sorted().toArray());
    }

    /**
     * A tokenizer whose id {@code i} is {@code symbols.get(i)}, one character each.
     *
     * @throws IllegalArgumentException for an entry that is not exactly one character, or a repeated one
     */
    public static CharTokenizer of(List<String> symbols) {
        int[] codePoints = new int[symbols.size()];
        for (int i = 0; i < codePoints.length; i++) {
            String s = symbols.get(i);
            if (s == null || s.codePointCount(0, s.length()) != 1) {
                throw new IllegalArgumentException("vocabulary entry " + i + " must be exactly one character, got "
                        + (s == null ? "null" : "\"" + s + "\""));
            }
            codePoints[i] = s.codePointAt(0);
        }
        return new CharTokenizer(codePoints);
    }

    /** The characters in id order. */
    public List<String> symbols() {
        return Arrays.stream(symbols).mapToObj(Character::toString).toList();
    }

    @Override
    public String kind() {
        return "char";
    }

    @Override
    public int vocabSize() {
        return symbols.length;
    }

    @Override
    public long[] encode(String text) {
        int[] ints = encodeInts(text);
        long[] out = new long[ints.length];
        for (int i = 0; i < ints.length; i++) {
            out[i] = ints[i];
        }
        return out;
    }

    /** {@link #encode} into an int array, a half-size buffer for long texts. */
    int[] encodeInts(String text) {
        int[] out = new int[text.codePointCount(0, text.length())];
        long line = 1;
        for (int i = 0, at = 0; i < text.length(); at++) {
            int c = text.codePointAt(i);
            Integer id = ids.get(c);
            if (id == null) {
                throw new UnknownSymbolException(c, at, line);
            }
            if (c == '\n') {
                line++;
            }
            out[at] = id;
            i += Character.charCount(c);
        }
        return out;
    }

    @Override
    public String decode(long[] tokens) {
        StringBuilder out = new StringBuilder(tokens.length);
        for (long t : tokens) {
            if (t < 0 || t >= symbols.length) {
                throw new IllegalArgumentException("token id " + t + " outside the vocabulary [0, " + symbols.length
                        + ")");
            }
            out.appendCodePoint(symbols[(int) t]);
        }
        return out.toString();
    }

    /** {@code 'x' (U+0078)}; control characters are shown by code only. */
    static String describe(int codePoint) {
        String code = String.format("U+%04X", codePoint);
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) ? code
                : "'" + Character.toString(codePoint) + "' (" + code + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CharTokenizer that && Arrays.equals(symbols, that.symbols);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(symbols);
    }

    @Override
    public String toString() {
        return "CharTokenizer[" + symbols.length + " characters]";
    }
}
