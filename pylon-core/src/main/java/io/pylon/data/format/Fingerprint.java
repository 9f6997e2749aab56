package io.pylon.data.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds a dataset fingerprint: the format name followed by a SHA-256 digest of every file stamp and
 * reading option added. A digest rather than the raw list, because an image folder can hold millions of
 * files and the fingerprint is used as a cache key.
 */
final class Fingerprint {

    private final String format;
    private final MessageDigest digest;

    Fingerprint(String format) {
        this.format = format;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        add("format", format);
    }

    Fingerprint add(FileStamp stamp) {
        return add("file", stamp.path() + "|" + stamp.size() + "|" + stamp.modifiedMillis());
    }

    /** Adds one option; the key keeps {@code (a="bc")} and {@code (ab="c")} apart. */
    Fingerprint add(String key, Object value) {
        // length-prefixed so that no two different sequences of entries hash the same bytes
        byte[] bytes = (key + "=" + value).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /** {@code <format>:<sha-256 hex>}; the builder must not be used afterwards. */
    String build() {
        return format + ":" + HexFormat.of().formatHex(digest.digest());
    }
}
