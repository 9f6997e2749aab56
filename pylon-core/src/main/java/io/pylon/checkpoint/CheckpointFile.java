package io.pylon.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

import io.pylon.PylonUserException;

/**
 * A checkpoint on disk: named tensors plus a JSON state string, in a safetensors container whose
 * metadata holds the format tag, the state and a SHA-256 over the state and every tensor's bytes.
 * Writes go to a temporary file in the same folder, are forced to disk and renamed over the target,
 * so a crash leaves either the old or the new file, never half of one.
 */
public final class CheckpointFile {

    public static final String FORMAT = "pylon-checkpoint/1";
    private static final String FORMAT_KEY = "pylon.format";
    private static final String STATE_KEY = "pylon.state";
    private static final String CHECKSUM_KEY = "pylon.sha256";

    private CheckpointFile() {
    }

    /** What a checkpoint holds. */
    public record Contents(Map<String, StoredTensor> tensors, String stateJson) {
    }

    public static void write(Path target, Map<String, Tensor> tensors, String stateJson) {
        Map<String, StoredTensor> stored = new LinkedHashMap<>();
        tensors.forEach((name, t) -> stored.put(name, StoredTensor.of(t)));
        Map<String, String> metadata = Map.of(FORMAT_KEY, FORMAT, STATE_KEY, stateJson,
                CHECKSUM_KEY, checksum(stored, stateJson));
        byte[] bytes = SafeTensors.toBytes(stored, metadata);
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
                out.write(bytes);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + target + " cannot rename atomically; checkpoints need one that can", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** Reads and verifies a checkpoint; a file that fails any check is refused whole. */
    public static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PylonUserException("checkpoint " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read checkpoint " + file + ": " + e.getMessage(), e);
        }
        SafeTensors.Contents contents = SafeTensors.parse(bytes, file.toString());
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get(FORMAT_KEY))) {
            throw new CorruptFileException(file.toString(), "not a Pylon checkpoint (format tag '"
                    + meta.get(FORMAT_KEY) + "', expected '" + FORMAT + "')");
        }
        String state = meta.getOrDefault(STATE_KEY, "");
        String expected = meta.getOrDefault(CHECKSUM_KEY, "");
        String actual = checksum(contents.tensors(), state);
        if (!expected.equals(actual)) {
            throw new CorruptFileException(file.toString(), "checksum mismatch (stored " + abbreviate(expected)
                    + ", computed " + abbreviate(actual) + "): the file was modified or damaged");
        }
        return new Contents(contents.tensors(), state);
    }

    private static String checksum(Map<String, StoredTensor> tensors, String stateJson) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
        sha.update(stateJson.getBytes(StandardCharsets.UTF_8));
        tensors.forEach((name, t) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(t.dtype().name().getBytes(StandardCharsets.UTF_8));
            for (long d : t.shape()) {
                sha.update(Long.toString(d).getBytes(StandardCharsets.UTF_8));
            }
            sha.update(t.data());
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }
}
