package io.pylon.data.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pylon.data.DataException;

/**
 * Tokenizer vocabulary files, JSON:
 * <pre>
 *   {"format": "pylon-vocabulary", "version": 1, "tokenizer": "char", "symbols": ["\n", " ", "!", "a"]}
 *   {"format": "pylon-vocabulary", "version": 1, "tokenizer": "byte"}
 * </pre>
 * A {@code bpe} vocabulary holds {@code "tokens"} (each token's bytes in hex, by id) and {@code "merges"}
 * ({@code [a, b]} id pairs by rank); a Hugging Face {@code tokenizer.json} of a byte-level BPE model is read too.
 * For {@code char}, token id {@code i} is {@code symbols[i]}, one character each. A byte vocabulary is
 * fixed (256 ids) and the file only records the kind, so that a model trained on bytes is not fed characters.
 */
final class Vocabularies {

    private static final String FORMAT = "pylon-vocabulary";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vocabularies() {
    }

    static void save(Tokenizer tokenizer, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT).put("version", VERSION).put("tokenizer", tokenizer.kind());
        if (tokenizer instanceof CharTokenizer chars) {
            ArrayNode symbols = root.putArray("symbols");
            chars.symbols().forEach(symbols::add);
        }
        if (tokenizer instanceof BpeTokenizer bpe) {
            ArrayNode tokens = root.putArray("tokens");
            for (byte[] bytes : bpe.tokenBytes()) {
                tokens.add(HexFormat.of().formatHex(bytes));
            }
            ArrayNode merges = root.putArray("merges");
            for (int[] merge : bpe.merges()) {
                merges.addArray().add(merge[0]).add(merge[1]);
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // temp + rename: a crash never leaves a half-written vocabulary beside a run's checkpoints
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "cannot write the vocabulary (" + e
                    + "); check the folder's permissions and free space", e);
        }
    }

    static Tokenizer load(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "no such vocabulary file; check the vocab"
                    + " path", e);
        } catch (JacksonException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "is not valid JSON (" + e.getOriginalMessage()
                    + "): the vocabulary file is corrupt; re-create it with Tokenizer.save", e);
        } catch (IOException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "cannot be read (" + e
                    + "); check that it is a readable file", e);
        }
        if (root != null && HfTokenizerJson.isHuggingFace(root)) {
            return HfTokenizerJson.read(root, source);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw corrupt(source, "it is not a pylon vocabulary (no \"format\": \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw corrupt(source, "unsupported version " + root.get("version") + " (this build reads " + VERSION + ")");
        }
        String kind = root.path("tokenizer").asText("");
        return switch (kind) {
            case "byte" -> ByteTokenizer.INSTANCE;
            case "char" -> chars(root.get("symbols"), source);
            case "bpe" -> bpe(root, source);
            default -> throw corrupt(source, "unknown tokenizer '" + kind + "' (known: char, byte, bpe)");
        };
    }

    private static CharTokenizer chars(JsonNode symbols, String source) {
        if (symbols == null || !symbols.isArray() || symbols.isEmpty()) {
            throw corrupt(source, "a char vocabulary needs a non-empty \"symbols\" list");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode s : symbols) {
            list.add(s.isTextual() ? s.asText() : null);
        }
        try {
            return CharTokenizer.of(list);
        } catch (IllegalArgumentException e) {
            throw new DataException(source, DataException.NO_SAMPLE, e.getMessage()
                    + ": the vocabulary file is corrupt; re-create it with Tokenizer.save", e);
        }
    }

    private static BpeTokenizer bpe(JsonNode root, String source) {
        JsonNode tokens = root.path("tokens");
        JsonNode merges = root.path("merges");
        if (!tokens.isArray() || tokens.size() < 256 || !merges.isArray()) {
            throw corrupt(source, "a bpe vocabulary needs \"tokens\" (at least the 256 bytes) and \"merges\"");
        }
        try {
            byte[][] bytes = new byte[tokens.size()][];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = HexFormat.of().parseHex(tokens.get(i).asText());
            }
            int[][] pairs = new int[merges.size()][];
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = new int[] {merges.get(i).path(0).asInt(-1), merges.get(i).path(1).asInt(-1)};
            }
            return new BpeTokenizer(bytes, pairs);
        } catch (IllegalArgumentException e) {
            throw corrupt(source, e.getMessage());
        }
    }

    private static DataException corrupt(String source, String problem) {
        return new DataException(source, DataException.NO_SAMPLE, problem
                + ": the vocabulary file is corrupt; re-create it with Tokenizer.save");
    }
}
