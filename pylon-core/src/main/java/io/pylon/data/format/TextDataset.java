package io.pylon.data.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;

/**
 * The {@code text} format, as nanoGPT's character-level data: the file is tokenized once at open and
 * held in memory (1 byte per token for {@code byte}, 4 for {@code char}). With {@code lo = floor(from N)}
 * and {@code hi = floor(to N)} over the file's {@code N} tokens, sample {@code i} starts at
 * {@code s = lo + i * stride}: its input is tokens {@code [s, s + T)} and its target tokens
 * {@code [s + 1, s + T + 1)}, both int64 {@code [T]}. There are {@code (hi - lo - T - 1) / stride + 1}
 * samples; the last window ends at or before {@code hi}.
 */
public final class TextDataset implements Dataset {

    private final Tokenizer tokenizer;
    private final byte[] bytes;
    private final int[] ints;
    private final long lo;
    private final long count;
    private final int blockSize;
    private final int stride;
    private final String fingerprint;

    private TextDataset(Tokenizer tokenizer, byte[] bytes, int[] ints, long lo, long count, TextParams params,
            String fingerprint) {
        this.tokenizer = tokenizer;
        this.bytes = bytes;
        this.ints = ints;
        this.lo = lo;
        this.count = count;
        this.blockSize = params.blockSize();
        this.stride = params.step();
        this.fingerprint = fingerprint;
    }

    /** Reads and tokenizes the file. */
    static TextDataset open(TextParams params) {
        String source = params.path().toString();
        byte[] raw = read(params.path());
        if (raw.length == 0) {
            throw new DataException(source, DataException.NO_SAMPLE, "is empty; a text dataset needs at least"
                    + " block_size + 1 = " + (params.blockSize() + 1L) + " tokens of text: check data path");
        }
        Fingerprint print = new Fingerprint("text").add(FileStamp.of(params.path())).add("params", params);
        Tokenizer tokenizer = params.vocab().map(Tokenizer::load).orElse(null);
        String kind = params.tokenizer().name().toLowerCase(Locale.ROOT);
        if (tokenizer != null && !tokenizer.kind().equals(kind)) {
            throw new DataException(params.vocab().get().toString(), DataException.NO_SAMPLE, "is a "
                    + tokenizer.kind() + " vocabulary but tokenizer is " + kind
                    + "; use a matching vocab file or tokenizer");
        }
        byte[] bytes = null;
        int[] ints = null;
        if (params.tokenizer() == TextParams.TokenizerKind.BYTE) {
            tokenizer = ByteTokenizer.INSTANCE;
            bytes = raw;
        } else if (params.tokenizer() == TextParams.TokenizerKind.BPE) {
            long[] ids = tokenizer.encode(utf8(raw, source));
            ints = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                ints[i] = (int) ids[i];
            }
            print.add("tokenizer", params.vocab().get().toString());
        } else {
            String text = utf8(raw, source);
            CharTokenizer chars = tokenizer != null ? (CharTokenizer) tokenizer : CharTokenizer.fromText(text);
            try {
                ints = chars.encodeInts(text);
            } catch (Tokenizer.UnknownSymbolException e) {
                throw new DataException(source, DataException.NO_SAMPLE, e.getMessage() + " "
                        + params.vocab().orElseThrow() + "; rebuild the vocabulary from text that contains it", e);
            }
            tokenizer = chars;
            print.add("symbols", chars.symbols());
        }
        long total = bytes != null ? bytes.length : ints.length;
        long lo = (long) Math.floor(params.from() * total);
        long hi = (long) Math.floor(params.to() * total);
        long span = hi - lo;
        if (span < params.blockSize() + 1L) {
            throw new DataException(source, DataException.NO_SAMPLE, "the part from " + params.from() + " to "
                    + params.to() + " holds " + span + " tokens (of " + total + "), fewer than block_size + 1 = "
                    + (params.blockSize() + 1L) + " that one sample needs; lower block_size or widen from/to");
        }
        long count = (span - params.blockSize() - 1) / params.step() + 1;
        return new TextDataset(tokenizer, bytes, ints, lo, count, params, print.build());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "no such text file; check data path", e);
        } catch (IOException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "cannot be read (" + e
                    + "); check that it is a readable file", e);
        }
    }

    /** Decodes strictly: the first invalid byte is named by line and byte offset (1-based line, 0-based offset). */
    private static String utf8(byte[] raw, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(raw.length * (double) decoder.maxCharsPerByte()));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (raw[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new DataException(source, DataException.NO_SAMPLE, String.format(Locale.ROOT,
                    "is not valid UTF-8 text: line %d, byte %d of the line (byte offset %d in the file) starts an"
                    + " invalid sequence (0x%02x); convert the file to UTF-8 or use tokenizer: byte", line,
                    offset - lineStart + 1, offset, raw[offset] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The tokenizer that produced the token ids (to decode model output). */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public long size() {
        return count;
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        long start = lo + index * stride;
        long[] input = new long[blockSize];
        long[] target = new long[blockSize];
        for (int t = 0; t < blockSize; t++) {
            input[t] = token(start + t);
            target[t] = token(start + t + 1);
        }
        return new Sample(index, NdArray.of(input, blockSize), NdArray.of(target, blockSize), false);
    }

    private long token(long at) {
        return bytes != null ? bytes[(int) at] & 0xff : ints[(int) at];
    }

    /** The vocabulary, one decoded symbol per token id: a language model's classes are its next tokens. */
    @Override
    public List<String> classNames() {
        List<String> symbols = new ArrayList<>(tokenizer.vocabSize());
        for (int id = 0; id < tokenizer.vocabSize(); id++) {
            symbols.add(tokenizer.decode(new long[] {id}));
        }
        return symbols;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }
}
