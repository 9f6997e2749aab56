package io.pylon.cli.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.data.packed.PackedDataset;
import io.pylon.data.packed.PackedHeader;

/** {@code pylon data info FILE}: prints a packed file's header and verifies its checksum. */
@Command(name = "info", description = "Describe a .pylonpack file and verify its checksum.")
public final class DataInfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "a packed file")
    Path file;

    @Option(names = "--no-verify", description = "skip the checksum (which reads the whole file)")
    boolean noVerify;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        try (PackedDataset packed = PackedDataset.open(file, false)) {
            PackedHeader header = packed.header();
            StringBuilder text = new StringBuilder();
            line(text, "file", file.toString());
            line(text, "format", "pylon-packed version " + PackedHeader.VERSION);
            line(text, "records", Long.toString(header.count()));
            line(text, "input", header.input().toString());
            line(text, "target", header.target().map(Object::toString).orElse("none")
                    + (header.denseTarget() ? " (dense)" : ""));
            line(text, "record_bytes", Long.toString(header.recordBytes()));
            line(text, "size", String.format(Locale.ROOT, "%d bytes (%.1f MB)", Files.size(file),
                    Files.size(file) / 1e6));
            line(text, "classes", header.classNames().isEmpty() ? "-" : header.classNames().size() + " "
                    + header.classNames());
            line(text, "source", header.source());
            System.out.print(text);
            String checksum = String.format(Locale.ROOT, "crc32c:%08x", header.checksum());
            if (!noVerify) {
                // a mismatch is a DataException: the CLI reports it after the header printed above
                packed.verify();
            }
            StringBuilder last = new StringBuilder();
            line(last, "checksum", checksum + (noVerify ? " (not verified)" : " (verified)"));
            System.out.print(last);
        }
        return 0;
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(String.format(Locale.ROOT, "%-14s%s%n", key + ":", value));
    }
}
