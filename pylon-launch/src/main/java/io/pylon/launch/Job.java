package io.pylon.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * One training run of a launch: {@code pylon train CONFIG OVERRIDES} writing to {@code runDir}.
 *
 * @param id        stable name within the launch ({@code 000}, {@code 001}, ...)
 * @param config    the experiment config, as a path the executing machine resolves (relative to its
 *                  working directory)
 * @param overrides the overrides of this job, including the sweep choices and {@code experiment.run_name}
 * @param runDir    {@code runs_dir/experiment/run_name} as the executing machine sees it
 */
public record Job(String id, String config, List<String> overrides, String runDir) {

    public Job {
        overrides = List.copyOf(overrides);
        if (!id.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("job id must be a file name, got '" + id + "'");
        }
    }

    /** The arguments after the program: a fresh run, or {@code train --resume RUN_DIR} to continue one. */
    public List<String> trainArguments(boolean resume) {
        if (resume) {
            return List.of("train", "--resume", runDir);
        }
        List<String> args = new ArrayList<>(List.of("train", config));
        args.addAll(overrides);
        return List.copyOf(args);
    }

    /** The checkpoint a rescheduled job continues from, when it has written one. */
    public String lastCheckpoint() {
        return runDir + "/checkpoints/last.ckpt";
    }
}
