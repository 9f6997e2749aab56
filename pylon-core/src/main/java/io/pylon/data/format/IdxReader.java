package io.pylon.data.format;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.pylon.PylonUserException;

/**
 * Reads IDX files (the MNIST family's format): a magic number {@code 00 00 <type> <ndims>}, then
 * {@code ndims} big-endian 32-bit sizes, then the elements. Files may be raw or gzip-compressed; gzip is
 * recognised by its magic bytes {@code 1f 8b}, not by the file name, because renamed and half-unpacked
 * downloads are common. Every inconsistency (bad magic, unknown type, truncated or over-long data) is a
 * {@link PylonUserException} naming the file, what is wrong and the remedy the caller supplies.
 */
public final class IdxReader {

    /** Largest data block held in one Java array. */
    static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 20;
    private static final String GENERIC_REMEDY = "re-download the file";

    private IdxReader() {
    }

    public static IdxArray read(Path file) {
        return read(file, GENERIC_REMEDY);
    }

    /**
     * Reads and validates {@code file}.
     *
     * @param remedy what the user should do about a corrupt file, e.g. "re-install dataset-fashion-mnist"
     */
    public static IdxArray read(Path file, String remedy) {
        if (!Files.isRegularFile(file)) {
            throw new PylonUserException(file + ": no such IDX file; " + remedy);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            boolean gzip = startsWithGzipMagic(raw);
            InputStream in = gzip ? new GZIPInputStream(raw, CHUNK) : raw;
            return new Parse(file, remedy, gzip, gzip ? -1 : Files.size(file)).run(in);
        } catch (ZipException e) {
            throw new PylonUserException(file + ": the gzip stream is corrupt (" + e.getMessage() + "); " + remedy, e);
        } catch (EOFException e) {
            throw new PylonUserException(file + ": the gzip stream ends early: the file is truncated; " + remedy, e);
        } catch (IOException e) {
            throw new PylonUserException(file + ": could not be read (" + e + "); check its permissions or " + remedy, e);
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /** One parse of one file; holds the context every error message needs. */
    private record Parse(Path file, String remedy, boolean gzip, long fileSize) {

        IdxArray run(InputStream in) throws IOException {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4) {
                throw fail("only " + magic.length + " bytes" + (gzip ? " after decompression" : "")
                        + ", too short for an IDX header: the file is truncated or empty");
            }
            if (magic[0] != 0 || magic[1] != 0) {
                throw fail(String.format("bad magic number %02x %02x %02x %02x: not an IDX file (an IDX file starts"
                        + " with 00 00 <type> <dimension count>)", magic[0], magic[1], magic[2], magic[3]));
            }
            IdxType type = IdxType.ofCode(magic[2] & 0xff).orElseThrow(() -> fail(String.format(
                    "unknown element type 0x%02x in the magic number (known: %s)", magic[2] & 0xff, knownTypes())));
            int ndims = magic[3] & 0xff;
            if (ndims == 0) {
                throw fail("the magic number declares 0 dimensions; an IDX data file has at least one");
            }
            long[] shape = readShape(in, ndims);
            long headerBytes = 4 + 4L * ndims;
            long expected = dataBytes(type, shape);
            String what = "expected " + expected + " bytes of " + type.name().toLowerCase() + " data for shape "
                    + Arrays.toString(shape);
            if (!gzip) {
                long found = fileSize - headerBytes;
                if (found < expected) {
                    throw fail(what + ", found " + found + ": the file is truncated");
                }
                if (found > expected) {
                    throw fail(what + ", found " + found + " (" + (found - expected) + " bytes too many): the header"
                            + " does not match the data");
                }
            }
            byte[] data = readData(in, Math.toIntExact(expected), what);
            if (gzip && in.read() >= 0) {
                throw fail(what + ", but the decompressed file holds more: the header does not match the data");
            }
            toLittleEndian(data, type.size());
            return new IdxArray(type, shape, data);
        }

        private long[] readShape(InputStream in, int ndims) throws IOException {
            byte[] header = in.readNBytes(4 * ndims);
            if (header.length < 4 * ndims) {
                throw fail("the header declares " + ndims + " dimensions but the file ends inside them: the file"
                        + " is truncated");
            }
            long[] shape = new long[ndims];
            for (int i = 0; i < ndims; i++) {
                shape[i] = ((header[4 * i] & 0xffL) << 24) | ((header[4 * i + 1] & 0xffL) << 16)
                        | ((header[4 * i + 2] & 0xffL) << 8) | (header[4 * i + 3] & 0xffL);
            }
            return shape;
        }

        private long dataBytes(IdxType type, long[] shape) {
            long bytes = type.size();
            for (long d : shape) {
                // sizes are < 2^32, so the product can only overflow after passing the limit we check
                bytes *= d;
                if (bytes > MAX_DATA_BYTES) {
                    throw fail("the header declares shape " + Arrays.toString(shape) + " of " + type.name()
                            .toLowerCase() + ", more than the " + MAX_DATA_BYTES + " bytes one IDX file may hold"
                            + " here: the header is corrupt");
                }
            }
            return bytes;
        }

        /** Reads {@code expected} bytes in chunks, so that a corrupt gzip header cannot make us over-allocate. */
        private byte[] readData(InputStream in, int expected, String what) throws IOException {
            if (!gzip) {
                byte[] data = in.readNBytes(expected);
                if (data.length < expected) {
                    throw fail(what + ", found " + data.length + ": the file is truncated");
                }
                return data;
            }
            byte[] data = new byte[Math.min(expected, CHUNK)];
            int filled = 0;
            try {
                while (filled < expected) {
                    if (filled == data.length) {
                        data = Arrays.copyOf(data, (int) Math.min(expected, 2L * data.length));
                    }
                    int n = in.read(data, filled, data.length - filled);
                    if (n < 0) {
                        break;
                    }
                    filled += n;
                }
            } catch (EOFException e) {
                throw new PylonUserException(file + ": " + what + ", the gzip stream ends after " + filled
                        + " bytes of it: the file is truncated; " + remedy, e);
            }
            if (filled < expected) {
                throw fail(what + ", found " + filled + ": the file is truncated");
            }
            return data;
        }

        private PylonUserException fail(String problem) {
            return new PylonUserException(file + ": " + problem + "; " + remedy);
        }

        private static void toLittleEndian(byte[] data, int size) {
            if (size == 1) {
                return;
            }
            for (int start = 0; start < data.length; start += size) {
                for (int i = 0, j = start + size - 1; i < size / 2; i++, j--) {
                    byte t = data[start + i];
                    data[start + i] = data[j];
                    data[j] = t;
                }
            }
        }

        private static String knownTypes() {
            StringJoiner known = new StringJoiner(", ");
            for (IdxType t : IdxType.values()) {
                known.add(String.format("0x%02x %s", t.code(), t.name().toLowerCase()));
            }
            return known.toString();
        }
    }
}
