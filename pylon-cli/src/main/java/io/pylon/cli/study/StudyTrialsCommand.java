package io.pylon.cli.study;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.tune.Json;
import io.pylon.tune.run.StudyReport;
import io.pylon.tune.space.SpaceParser;
import io.pylon.tune.storage.StorageUrl;
import io.pylon.tune.storage.StudyStorage;
import io.pylon.tune.study.StudyInfo;

/** {@code pylon study trials [--format tsv|json]}: every trial of a study. */
@Command(name = "trials", description = "Print the trials of a study (tsv or json).")
public final class StudyTrialsCommand implements Callable<Integer> {

    @Mixin
    StudyOptions options;

    @Option(names = "--format", defaultValue = "tsv", description = "tsv or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        try (StudyStorage store = StorageUrl.open(options.storage)) {
            StudyInfo info = options.existing(store);
            switch (format) {
                case "tsv" -> System.out.print(StudyReport.trialsTable(SpaceParser.parseJson(info.space(), "stored space"),
                        info, store.trials(info.id())));
                case "json" -> System.out.println(Json.write(StudyOptions.json(store.trials(info.id()), false)));
                default -> throw new PylonUserException("--format '" + format + "': expected tsv or json");
            }
        }
        return 0;
    }
}
