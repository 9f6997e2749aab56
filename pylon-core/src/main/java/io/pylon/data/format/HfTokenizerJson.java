package io.pylon.data.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.pylon.data.DataException;

/**
 * Reads the byte-level BPE tokenizers of Hugging Face's {@code tokenizer.json} (GPT-2, RoBERTa, and every model
 * whose {@code model.type} is {@code BPE} with a {@code ByteLevel} pre-tokenizer) into a {@link BpeTokenizer}.
 * Vocabulary strings spell bytes in GPT-2's printable byte alphabet ({@code Ġ} is a space), which is mapped back
 * to bytes; {@code merges} are {@code "a b"} strings or {@code ["a", "b"]} pairs. Added (special) tokens are kept
 * as vocabulary entries but never produced by encoding; normalizers and post-processors are not applied.
 *
 * <p>No maintained pure-JVM library reads this format (DJL's wraps the Rust library and downloads natives at run
 * time), and byte-level BPE needs only the vocabulary and the merges, hence this reader.
 */
final class HfTokenizerJson {

    private HfTokenizerJson() {
    }

    static boolean isHuggingFace(JsonNode root) {
        return root.path("model").isObject();
    }

    static BpeTokenizer read(JsonNode root, String source) {
        JsonNode model = root.path("model");
        String type = model.path("type").asText("");
        if (!type.equals("BPE") || !mentionsByteLevel(root.path("pre_tokenizer"))) {
            throw unsupported(source, "model type '" + type + "' with pre-tokenizer "
                    + root.path("pre_tokenizer").path("type").asText("none"));
        }
        Map<Integer, Character> alphabet = byteAlphabet();
        Map<Character, Integer> bytesOf = new HashMap<>();
        alphabet.forEach((b, c) -> bytesOf.put(c, b));
        JsonNode vocab = model.path("vocab");
        Map<String, Integer> ids = new HashMap<>();
        byte[][] tokens = new byte[vocab.size()][];
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int id = e.getValue().asInt(-1);
            if (id < 0 || id >= tokens.length || tokens[id] != null) {
                throw corrupt(source, "vocabulary ids must be 0.." + (tokens.length - 1) + " once each, got " + id
                        + " for '" + e.getKey() + "'");
            }
            tokens[id] = toBytes(e.getKey(), bytesOf, source);
            ids.put(e.getKey(), id);
        }
        List<int[]> merges = new ArrayList<>();
        for (JsonNode merge : model.path("merges")) {
            String a;
            String b;
            if (merge.isArray() && merge.size() == 2) {
                a = merge.get(0).asText();
                b = merge.get(1).asText();
            } else {
                String[] parts = merge.asText().split(" ", -1);
                if (parts.length != 2) {
                    throw corrupt(source, "merge '" + merge.asText() + "' is not two tokens separated by a space");
                }
                a = parts[0];
                b = parts[1];
            }
            Integer ia = ids.get(a);
            Integer ib = ids.get(b);
            if (ia == null || ib == null || !ids.containsKey(a + b)) {
                throw corrupt(source, "merge '" + a + " " + b + "' names a token that is not in the vocabulary");
            }
            merges.add(new int[] {ia, ib});
        }
        try {
            return new BpeTokenizer(tokens, merges.toArray(int[][]::new));
        } catch (IllegalArgumentException e) {
            throw corrupt(source, e.getMessage());
        }
    }

    private static boolean mentionsByteLevel(JsonNode preTokenizer) {
        if ("ByteLevel".equals(preTokenizer.path("type").asText())) {
            return true;
        }
        for (JsonNode inner : preTokenizer.path("pretokenizers")) {
            if (mentionsByteLevel(inner)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] toBytes(String token, Map<Character, Integer> bytesOf, String source) {
        byte[] out = new byte[token.length()];
        for (int i = 0; i < token.length(); i++) {
            Integer b = bytesOf.get(token.charAt(i));
            if (b == null) {
                // added tokens such as <|endoftext|> are plain ASCII, which the alphabet covers; others are not bytes
                throw corrupt(source, "token '" + token + "' has a character outside the byte-level alphabet");
            }
            out[i] = (byte) (int) b;
        }
        return out;
    }

    /** GPT-2's {@code bytes_to_unicode}: printable bytes stand for themselves, the rest for U+0100 onwards. */
    static Map<Integer, Character> byteAlphabet() {
        Map<Integer, Character> map = new HashMap<>();
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = b >= '!' && b <= '~' || b >= 0xA1 && b <= 0xAC || b >= 0xAE && b <= 0xFF;
            map.put(b, printable ? (char) b : (char) (256 + next++));
        }
        return map;
    }

    private static DataException unsupported(String source, String what) {
        return new DataException(source, DataException.NO_SAMPLE, "is a Hugging Face tokenizer of " + what
                + "; Pylon reads byte-level BPE tokenizers (model type BPE with a ByteLevel pre-tokenizer), or train"
                + " one with `pylon data tokenizer train`");
    }

    private static DataException corrupt(String source, String problem) {
        return new DataException(source, DataException.NO_SAMPLE, problem
                + ": the Hugging Face tokenizer.json is corrupt or not byte-level BPE");
    }
}
