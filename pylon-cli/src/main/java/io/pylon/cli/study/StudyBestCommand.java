package io.pylon.cli.study;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import io.pylon.tune.Json;
import io.pylon.tune.storage.StorageUrl;
import io.pylon.tune.storage.StudyStorage;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.StudyInfo;

/** {@code pylon study best}: the best trial (one objective) or the Pareto front (several), as a JSON list. */
@Command(name = "best", description = "Print the best trial, or the Pareto front, as JSON.")
public final class StudyBestCommand implements Callable<Integer> {

    @Mixin
    StudyOptions options;

    @Override
    public Integer call() {
        try (StudyStorage store = StorageUrl.open(options.storage)) {
            StudyInfo info = options.existing(store);
            System.out.println(Json.write(StudyOptions.json(Study.best(store.trials(info.id()), info), false)));
        }
        return 0;
    }
}
