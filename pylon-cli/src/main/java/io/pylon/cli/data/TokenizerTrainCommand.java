package io.pylon.cli.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.data.format.BpeTraining;
import io.pylon.data.format.Tokenizer;

/**
 * {@code pylon data tokenizer train --input corpus.txt --vocab-size N --out tokenizer.json}: learns a byte-level BPE
 * tokenizer from a UTF-8 corpus and saves it where a text dataset's {@code vocab} can name it.
 */
@Command(name = "train", description = "Train a byte-level BPE tokenizer on a UTF-8 text file.")
public final class TokenizerTrainCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the corpus, UTF-8 text")
    Path input;

    @Option(names = "--vocab-size", required = true, paramLabel = "N",
            description = "tokens in the vocabulary, >= 256 (the 256 bytes plus N - 256 merges)")
    int vocabSize;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the tokenizer (JSON)")
    Path out;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        if (vocabSize < 256) {
            throw new PylonUserException("--vocab-size must be >= 256 (one token per byte, then merges), got "
                    + vocabSize);
        }
        String corpus = read(input);
        long start = System.nanoTime();
        Tokenizer tokenizer = BpeTraining.train(corpus, vocabSize);
        tokenizer.save(out);
        long tokens = tokenizer.encode(corpus).length;
        System.out.printf(Locale.ROOT, "%s: %d tokens (%d merges) in %.1f s; the corpus is %d tokens, %.2f bytes per"
                + " token%n", out, tokenizer.vocabSize(), tokenizer.vocabSize() - 256,
                (System.nanoTime() - start) / 1e9, tokens, corpus.getBytes(StandardCharsets.UTF_8).length
                        / (double) Math.max(1, tokens));
        if (tokenizer.vocabSize() < vocabSize) {
            System.out.printf(Locale.ROOT, "stopped at %d tokens: no pair of tokens occurs twice more in %s%n",
                    tokenizer.vocabSize(), input);
        }
        return 0;
    }

    private static String read(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PylonUserException(file + ": no such file; check --input", e);
        } catch (IOException e) {
            throw new PylonUserException(file + ": cannot be read (" + e + ")", e);
        }
        if (raw.length == 0) {
            throw new PylonUserException(file + " is empty; a tokenizer is learnt from text");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new PylonUserException(file + " is not valid UTF-8 text (" + e.getMessage() + "); convert it to"
                    + " UTF-8", e);
        }
    }
}
