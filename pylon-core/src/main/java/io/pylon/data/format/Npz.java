package io.pylon.data.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.pylon.data.DataException;
import io.pylon.data.array.NdArray;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip of {@code <name>.npy} entries, stored
 * ({@code np.savez}) or deflated ({@code np.savez_compressed}). Entries are read into memory (at most
 * 2 GiB each), never mapped; use separate {@code .npy} files for arrays that should stay on disk. Entries
 * whose names do not end in {@code .npy} are ignored.
 */
public final class Npz {

    private static final String SUFFIX = ".npy";

    private Npz() {
    }

    /** The array names in archive order ({@code x} for the entry {@code x.npy}). */
    public static List<String> names(Path file) {
        return withZip(file, zip -> {
            List<String> names = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(SUFFIX)) {
                    names.add(entry.getName().substring(0, entry.getName().length() - SUFFIX.length()));
                }
            }
            return names;
        });
    }

    /** Every array, by name in archive order. */
    public static Map<String, NdArray> read(Path file) {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (String name : names(file)) {
            arrays.put(name, read(file, name));
        }
        return arrays;
    }

    /**
     * The array {@code name}.
     *
     * @throws DataException when the archive is corrupt, has no such array (the message lists the names it
     *         has), or the entry is not a valid {@code .npy}
     */
    public static NdArray read(Path file, String name) {
        return withZip(file, zip -> {
            ZipEntry entry = zip.getEntry(name + SUFFIX);
            if (entry == null) {
                throw new DataException(file.toString(), DataException.NO_SAMPLE, "no array '" + name
                        + "' in the archive; it holds " + names(file));
            }
            String source = file + ":" + entry.getName();
            if (entry.getSize() > Integer.MAX_VALUE - 8) {
                throw new DataException(source, DataException.NO_SAMPLE, "the entry holds " + entry.getSize()
                        + " bytes, more than one .npz entry may hold here; save it as a separate .npy file");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Npy.parse(in.readAllBytes(), source);
            }
        });
    }

    /** Writes {@code arrays} as stored (uncompressed) entries, like {@code np.savez}. */
    public static void write(Path file, Map<String, NdArray> arrays) {
        write(file, arrays, false);
    }

    /**
     * Writes {@code arrays} to {@code file} (replacing it), deflated when {@code compressed}
     * ({@code np.savez_compressed}).
     */
    public static void write(Path file, Map<String, NdArray> arrays, boolean compressed) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
                for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    Npy.write(bytes, e.getValue());
                    zip.putNextEntry(entry(e.getKey() + SUFFIX, bytes.toByteArray(), compressed));
                    bytes.writeTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "cannot be written (" + e
                    + "); check the folder's permissions and free space", e);
        }
    }

    private static ZipEntry entry(String name, byte[] content, boolean compressed) {
        ZipEntry entry = new ZipEntry(name);
        if (compressed) {
            entry.setMethod(ZipEntry.DEFLATED);
        } else {
            // a stored entry needs its size and checksum before its data
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }

    private interface ZipAction<T> {
        T apply(ZipFile zip) throws IOException;
    }

    private static <T> T withZip(Path file, ZipAction<T> action) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return action.apply(zip);
        } catch (NoSuchFileException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "no such .npz file; check the path", e);
        } catch (ZipException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "not a valid .npz (zip) archive ("
                    + e.getMessage() + "): the file is corrupt or truncated; re-create or re-download it", e);
        } catch (IOException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "cannot be read (" + e
                    + "); check that it is a readable file", e);
        }
    }
}
