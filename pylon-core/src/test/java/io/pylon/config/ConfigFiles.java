package io.pylon.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes YAML fixtures into a test's temporary folder. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static Path write(Path folder, String relativePath, String yaml) {
        Path file = folder.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
