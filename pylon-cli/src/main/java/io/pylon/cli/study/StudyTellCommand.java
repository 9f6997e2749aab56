package io.pylon.cli.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.tune.Json;
import io.pylon.tune.storage.StorageUrl;
import io.pylon.tune.storage.StudyStorage;
import io.pylon.tune.study.StudyInfo;
import io.pylon.tune.study.TrialState;

/** {@code pylon study tell --storage URL --study NAME --trial N --values 0.12[,3.4] [--state pruned|fail]}. */
@Command(name = "tell", description = "Finish a trial with its objective values; print it as JSON.")
public final class StudyTellCommand implements Callable<Integer> {

    @Mixin
    StudyOptions options;

    @Option(names = "--trial", required = true, description = "the number `ask` printed")
    int trial;

    @Option(names = "--values", split = ",", description = "one value per objective (required when complete)")
    List<Double> values = new ArrayList<>();

    @Option(names = "--state", defaultValue = "complete", description = "complete, pruned or fail (default ${DEFAULT-VALUE})")
    String state;

    @Override
    public Integer call() {
        TrialState finalState;
        try {
            finalState = TrialState.parseFinal(state);
        } catch (IllegalArgumentException e) {
            throw new PylonUserException("--state: " + e.getMessage());
        }
        try (StudyStorage store = StorageUrl.open(options.storage)) {
            StudyInfo info = options.existing(store);
            if (finalState == TrialState.COMPLETE && values.size() != info.objectives().size()) {
                throw new PylonUserException("study '" + info.name() + "' has " + info.objectives().size()
                        + " objective(s) " + info.objectives() + "; --values gave " + values.size());
            }
            List<Double> told = finalState == TrialState.COMPLETE ? values : List.of();
            store.finish(info.id(), trial, finalState, told);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("study", info.name());
            out.put("number", trial);
            out.put("state", finalState.label());
            out.put("values", told);
            System.out.println(Json.write(out));
        }
        return 0;
    }
}
