package io.pylon.cli.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.pylon.tune.Json;
import io.pylon.tune.storage.StorageUrl;
import io.pylon.tune.storage.StudyStorage;
import io.pylon.tune.study.StudyInfo;

/**
 * {@code pylon study export [--output FILE]}: the whole study as one JSON document (objectives, directions,
 * space, every trial with its intermediate values), to stdout or atomically to a file.
 */
@Command(name = "export", description = "Export a study (space and all trials) as JSON.")
public final class StudyExportCommand implements Callable<Integer> {

    @Mixin
    StudyOptions options;

    @Option(names = "--output", description = "file to write (default: print)")
    Path output;

    @Override
    public Integer call() throws IOException {
        try (StudyStorage store = StorageUrl.open(options.storage)) {
            StudyInfo info = options.existing(store);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("study", info.name());
            out.put("objectives", info.objectives());
            out.put("directions", info.directions().stream().map(d -> d.name().startsWith("HIGHER") ? "maximize"
                    : "minimize").toList());
            out.put("space", Json.readMap(info.space()));
            out.put("trials", StudyOptions.json(store.trials(info.id()), true));
            String json = Json.write(out) + "\n";
            if (output == null) {
                System.out.print(json);
            } else {
                Path temp = output.resolveSibling(output.getFileName() + ".tmp");
                Files.writeString(temp, json, StandardCharsets.UTF_8);
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return 0;
    }
}
