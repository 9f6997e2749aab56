package io.pylon.data.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * A persistent cache of preprocessed samples: sample {@code i} is {@code transform(source.get(i))}, computed
 * on first access and kept as a file, so later epochs and later runs skip reading and preprocessing. Only
 * deterministic transforms can be cached (the {@code deterministicPrefix()} of a
 * {@link io.pylon.data.transform.Compose}); the random remainder runs on the cached samples every epoch.
 *
 * <p><b>Key.</b> Entries live in {@code root/<key>/}, where {@code key} is the SHA-256 (hex) of the cache
 * format version, {@code source.fingerprint()} and {@code transform.fingerprint()}. Changing the data (paths,
 * sizes, modification times, reading options) or any transform parameter gives a new key, hence a new,
 * empty folder: stale entries are never read. Old folders are left in place (each has a {@code cache.txt}
 * saying what it holds); delete them, or the whole root, to reclaim space.
 *
 * <p><b>Entries.</b> One file per sample, {@code <key>/<index / 4096 in hex>/<index>.sample} (see
 * {@link SampleFile}). Each is written to a uniquely named temporary file in the same folder and renamed into
 * place atomically, so concurrent workers (or processes) computing the same sample both publish a complete,
 * identical file, and a crash leaves at most a {@code *.tmp} file that is never read. Entries are not synced
 * to disk one by one: after a power loss an entry may be torn, which its CRC32C reveals; a torn, truncated or
 * otherwise corrupt entry is logged, recomputed and replaced, never returned.
 *
 * <p>Thread-safe; samples are returned as typed heap arrays. Closing closes the source.
 */
public final class DiskCache implements Dataset {

    /** Part of every key: bump when the entry encoding or the key derivation changes. */
    public static final int FORMAT_VERSION = SampleFile.VERSION;
    private static final Logger LOG = LoggerFactory.getLogger(DiskCache.class);
    private static final int SHARD_BITS = 12;

    private final Dataset source;
    private final Transform transform;
    private final Path directory;
    private final String key;
    private final LongAdder hits = new LongAdder();
    private final LongAdder computed = new LongAdder();
    private final LongAdder corrupt = new LongAdder();

    private DiskCache(Dataset source, Transform transform, Path directory, String key) {
        this.source = source;
        this.transform = transform;
        this.directory = directory;
        this.key = key;
    }

    /**
     * A cache of {@code transform(source.get(i))} under {@code root}.
     *
     * @param transform a deterministic transform ({@code isRandom()} false)
     * @throws IllegalArgumentException for a random transform, whose output must not be cached
     * @throws DataException when the cache folder cannot be created
     */
    public static DiskCache open(Path root, Dataset source, Transform transform) {
        if (transform.isRandom()) {
            throw new IllegalArgumentException("only deterministic transforms can be cached, but "
                    + transform.fingerprint() + " draws random numbers; cache Compose.deterministicPrefix() and apply"
                    + " the remainder when loading");
        }
        String key = key(source.fingerprint(), transform.fingerprint());
        Path directory = root.resolve(key);
        try {
            Files.createDirectories(directory);
            Path description = directory.resolve("cache.txt");
            if (!Files.exists(description)) {
                String text = "pylon disk cache, format " + FORMAT_VERSION + "\ndataset: " + source.fingerprint()
                        + "\ntransform: " + transform.fingerprint() + "\n";
                publish(description, text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw DataException.file(directory.toString(), "cannot create the disk cache folder (" + e + "); check"
                    + " that the cache root is writable", e);
        }
        return new DiskCache(source, transform, directory, key);
    }

    /** The key folder name for a dataset and transform fingerprint. */
    static String key(String datasetFingerprint, String transformFingerprint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = "pylon-disk-cache/" + FORMAT_VERSION + "\n" + datasetFingerprint.length() + ":"
                    + datasetFingerprint + "\n" + transformFingerprint;
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        Path file = entry(index);
        byte[] bytes = read(file, index);
        if (bytes != null) {
            try {
                Sample sample = SampleFile.decode(bytes, index);
                hits.increment();
                return sample;
            } catch (SampleFile.CorruptEntryException e) {
                corrupt.increment();
                LOG.warn("{} (sample {}): corrupt disk cache entry ({}); recomputing it", file, index, e.getMessage());
            }
        }
        Sample sample = transform.apply(source.get(index), new SplittableRandom(0));
        computed.increment();
        store(file, index, sample);
        return sample;
    }

    /** The entry's bytes, or null when it has not been computed yet. */
    private byte[] read(Path file, long index) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new DataException(file.toString(), index, "cannot read this disk cache entry (" + e + "); check"
                    + " permissions, or delete " + directory + " to rebuild the cache", e);
        }
    }

    private void store(Path file, long index, Sample sample) {
        try {
            Files.createDirectories(file.getParent());
            publish(file, SampleFile.encode(index, sample));
        } catch (IOException e) {
            throw new DataException(file.toString(), index, "cannot write this disk cache entry (" + e + "); free"
                    + " disk space or move the cache root", e);
        }
    }

    /** Writes {@code bytes} to a temporary file beside {@code file} and renames it over {@code file}. */
    private static void publish(Path file, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Where sample {@code index} is stored. */
    Path entry(long index) {
        return directory.resolve(Long.toHexString(index >>> SHARD_BITS)).resolve(index + ".sample");
    }

    /** The folder of this dataset and transform's entries, {@code root/<key>}. */
    public Path directory() {
        return directory;
    }

    /**
     * Counters since opening.
     *
     * @param hits samples read from the cache
     * @param computed samples computed (first access, or replacing a corrupt entry)
     * @param corrupt entries found corrupt and recomputed
     */
    public record Stats(long hits, long computed, long corrupt) {
    }

    public Stats stats() {
        return new Stats(hits.sum(), computed.sum(), corrupt.sum());
    }

    @Override
    public String fingerprint() {
        return "disk-cache:" + key;
    }

    @Override
    public Optional<String> sampleFile(long sampleIndex) {
        return source.sampleFile(sampleIndex);
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public void close() {
        source.close();
    }

    @Override
    public String toString() {
        return "DiskCache[" + directory + "]";
    }
}
