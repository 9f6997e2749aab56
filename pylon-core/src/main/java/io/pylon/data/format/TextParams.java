package io.pylon.data.format;

import java.nio.file.Path;
import java.util.Optional;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Config of the {@code text} dataset format: next-token prediction windows over one text file.
 *
 * <pre>
 *   train: {format: text, path: shakespeare.txt, block_size: 256, to: 0.9}
 *   val:   {format: text, path: shakespeare.txt, block_size: 256, from: 0.9}
 * </pre>
 *
 * @param path the text file (UTF-8 for {@code char}; any bytes for {@code byte})
 * @param tokenizer {@code char}: one token per character; {@code byte}: one per UTF-8 byte (256 ids);
 *                  {@code bpe}: byte-level BPE from the {@code vocab} file (trained by {@code pylon data tokenizer
 *                  train}, or a Hugging Face {@code tokenizer.json})
 * @param blockSize context length T, >= 1: each sample is T input tokens and the T tokens after each of them
 * @param vocab a vocabulary saved by {@link Tokenizer#save}; empty = built from the whole file (all of it,
 *              not only the from..to part, so train and val splits of one file share it)
 * @param stride tokens between the starts of consecutive samples, >= 0; 0 = block_size (windows do not
 *               overlap)
 * @param from start of the part of the token stream used, a fraction in [0, 1)
 * @param to end of that part (exclusive), a fraction in (from, 1]
 */
public record TextParams(
        Path path,
        @Default("char") TokenizerKind tokenizer,
        int blockSize,
        @Default("null") Optional<Path> vocab,
        @Default("0") int stride,
        @Default("0.0") double from,
        @Default("1.0") double to) {

    /** The tokenizers the format offers. */
    public enum TokenizerKind {
        CHAR,
        BYTE,
        BPE
    }

    public TextParams {
        InvalidValueException.require(path != null, "path", "must name a text file");
        InvalidValueException.require(tokenizer != null, "tokenizer", "must be char, byte or bpe");
        InvalidValueException.require(blockSize >= 1, "block_size", "must be >= 1, got %d", blockSize);
        InvalidValueException.require(vocab != null, "vocab", "must be a file or null");
        InvalidValueException.require(tokenizer != TokenizerKind.BPE || vocab.isPresent(), "vocab",
                "must name the tokenizer file for tokenizer: bpe (make one with `pylon data tokenizer train`)");
        InvalidValueException.require(stride >= 0, "stride", "must be >= 1, or 0 for block_size; got %d", stride);
        InvalidValueException.require(from >= 0 && from < 1, "from", "must be in [0, 1), got %s", from);
        InvalidValueException.require(to > from && to <= 1, "to", "must be in (from, 1] = (%s, 1], got %s", from, to);
    }

    /** The stride in tokens (block_size when 0). */
    int step() {
        return stride == 0 ? blockSize : stride;
    }
}
