package io.pylon.data.format;

import java.nio.file.Path;

/**
 * Turns text into token ids in {@code [0, vocabSize())} and back: the character-level ({@link CharTokenizer})
 * and byte-level ({@link ByteTokenizer}) tokenizers of small language models such as nanoGPT. A tokenizer is
 * immutable and thread-safe.
 */
public sealed interface Tokenizer permits CharTokenizer, ByteTokenizer, BpeTokenizer {

    /** {@code char} or {@code byte}: the name in configs and vocabulary files. */
    String kind();

    /** Number of distinct token ids. */
    int vocabSize();

    /**
     * The token ids of {@code text}.
     *
     * @throws UnknownSymbolException for a character outside the vocabulary (names it and its position)
     */
    long[] encode(String text);

    /**
     * The text of {@code tokens}; {@code decode(encode(s)).equals(s)} for every {@code s} that encodes.
     *
     * @throws IllegalArgumentException for an id outside {@code [0, vocabSize())}
     */
    String decode(long[] tokens);

    /** Writes this tokenizer's vocabulary to {@code file} (JSON, see {@link Vocabularies}). */
    default void save(Path file) {
        Vocabularies.save(this, file);
    }

    /** Reads a vocabulary written by {@link #save}. */
    static Tokenizer load(Path file) {
        return Vocabularies.load(file);
    }

    /** A character the vocabulary does not hold. */
    final class UnknownSymbolException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int codePoint;
        private final long position;

        UnknownSymbolException(int codePoint, long position, long line) {
            super("character " + CharTokenizer.describe(codePoint) + " at position " + position + " (line " + line
                    + ") is not in the vocabulary");
            this.codePoint = codePoint;
            this.position = position;
        }

        /** The unknown character. */
        public int codePoint() {
            return codePoint;
        }

        /** Its 0-based position in the text, counted in characters (code points). */
        public long position() {
            return position;
        }
    }
}
