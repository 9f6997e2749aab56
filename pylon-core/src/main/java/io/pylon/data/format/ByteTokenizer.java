package io.pylon.data.format;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level tokenizer: 256 token ids, one per byte of the text's UTF-8 encoding. Every text encodes and
 * decodes back exactly; a token sequence cut in the middle of a multi-byte character decodes with U+FFFD in
 * its place.
 */
public final class ByteTokenizer implements Tokenizer {

    /** The one instance: a byte tokenizer has no state. */
    public static final ByteTokenizer INSTANCE = new ByteTokenizer();

    private ByteTokenizer() {
    }

    @Override
    public String kind() {
        return "byte";
    }

    @Override
    public int vocabSize() {
        return 256;
    }

    @Override
    public long[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        long[] out = new long[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xff;
        }
        return out;
    }

    @Override
    public String decode(long[] tokens) {
        return new String(decodeBytes(tokens), StandardCharsets.UTF_8);
    }

    /** The bytes of {@code tokens}, exactly (no UTF-8 interpretation). */
    public byte[] decodeBytes(long[] tokens) {
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] > 255) {
                throw new IllegalArgumentException("token id " + tokens[i] + " outside the byte vocabulary [0, 256)");
            }
            bytes[i] = (byte) tokens[i];
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "ByteTokenizer";
    }
}
