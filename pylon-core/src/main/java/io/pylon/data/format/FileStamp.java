package io.pylon.data.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import io.pylon.data.DataException;

/**
 * What a dataset fingerprint records about one file: its absolute path, size and modification time, so
 * that a cache keyed by the fingerprint goes stale when the file is replaced or edited.
 */
record FileStamp(Path path, long size, long modifiedMillis) {

    /**
     * Reads the stamp of {@code file}.
     *
     * @throws DataException when the file does not exist or cannot be read
     */
    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(file.toAbsolutePath().normalize(), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw DataException.file(file.toString(), "cannot read the file's attributes (" + e
                    + "); check that it exists and is readable", e);
        }
    }
}
