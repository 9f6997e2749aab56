package io.pylon.cli.find;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.Components;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.RunSpec;
import io.pylon.engine.Device;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.TrainingRun;
import io.pylon.trainer.find.BatchSizeFinder;
import io.pylon.trainer.find.FinderPlots;

/**
 * {@code pylon find batch-size CONFIG [overrides]}: the largest {@code data.batch_size} whose training steps
 * fit (on the CPU: within {@code --memory-budget}; on a GPU: without running out of device memory). Writes
 * {@code batch_size.json} and {@code batch_size.svg} into {@code <runs_dir>/<experiment>/find-batch-size/<time>/}.
 */
@Command(name = "batch-size", description = "Largest batch size that fits: doubling, then binary search.")
public final class FindBatchSizeCommand implements Callable<Integer> {

    @Parameters(description = "CONFIG.yaml followed by overrides key.path=value")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--start", defaultValue = "2", description = "first batch size tried (default ${DEFAULT-VALUE})")
    int start;

    @Option(names = "--max", defaultValue = "65536", description = "largest batch size tried (default ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--steps", defaultValue = "2", description = "training steps per trial (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--memory-budget", paramLabel = "SIZE",
            description = "CPU: memory the training steps may add (activations, gradients, optimizer state), e.g. 4g or"
                    + " 512m (default: 80% of the available memory)")
    String memoryBudget;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        if (arguments.isEmpty()) {
            throw new PylonUserException("missing CONFIG.yaml: usage `pylon find batch-size CONFIG.yaml [key.path=value ...]`");
        }
        BatchSizeFinder.Params params;
        try {
            params = new BatchSizeFinder.Params(start, max, steps,
                    memoryBudget == null ? defaultBudget() : parseSize(memoryBudget));
        } catch (IllegalArgumentException e) {
            throw new PylonUserException("pylon find batch-size: " + e.getMessage() + " (--start, --max, --steps, --memory-budget)");
        }
        Config base = Config.load(Path.of(arguments.get(0)), arguments.subList(1, arguments.size()));
        Components components = StandardComponents.withPlugins();
        RunSpec baseSpec = RunResolver.resolve(base, components);
        RunDirectory dir = TrainingRun.toolDirectory(baseSpec, "find-batch-size", Clock.systemDefaultZone());
        boolean cuda = TrainingRun.device(baseSpec) instanceof Device.Cuda;
        AtomicLong samples = new AtomicLong(Long.MAX_VALUE);
        BatchSizeFinder.TrialRunner trials = BatchSizeFinder.runner(params,
                batchSize -> TrainingRun.components(RunResolver.resolve(
                        base.withOverrides(List.of("data.batch_size=" + batchSize)), components), dir),
                cuda, samples::set);
        BatchSizeFinder.Result result = BatchSizeFinder.search(params, batchSize -> {
            BatchSizeFinder.Trial trial = trials.run(batchSize);
            System.out.printf(Locale.ROOT, "batch %d: %s%s%n", batchSize, trial.fits() ? "fits" : "does not fit",
                    trial.peakBytes().isPresent() ? String.format(Locale.ROOT, " (steps add %.0f MiB)",
                            trial.peakBytes().getAsLong() / 1048576.0) : "");
            return trial;
        }, samples::get);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("suggested_batch_size", result.suggestion());
        json.put("limited_by", result.limitedBy());
        json.put("device", cuda ? "cuda" : "cpu");
        if (!cuda) {
            json.put("memory_budget_bytes", params.memoryBudgetBytes());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BatchSizeFinder.Trial t : result.trials()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("batch_size", t.batchSize());
            row.put("fits", t.fits());
            t.peakBytes().ifPresent(bytes -> row.put("step_memory_bytes", bytes));
            row.put("note", t.note());
            rows.add(row);
        }
        json.put("trials", rows);
        FinderOutput.writeJson(dir.path().resolve("batch_size.json"), json);
        FinderPlots.writeBatchSizes(dir.path().resolve("batch_size.svg"), result);
        System.out.printf(Locale.ROOT, "suggested batch size: %d (limited by %s)%nuse: data.batch_size=%d%nwrote %s and %s%n",
                result.suggestion(), result.limitedBy(), result.suggestion(), dir.path().resolve("batch_size.json"),
                dir.path().resolve("batch_size.svg"));
        return 0;
    }

    /** {@code 4g}, {@code 512m}, {@code 1048576k} or plain bytes. */
    static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return (long) (Double.parseDouble(digits) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory budget must look like 4g, 512m or a number of bytes, got '" + text + "'");
        }
    }

    /** 80% of MemAvailable (Linux), else of the JVM's view of physical memory. */
    private static long defaultBudget() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return (long) (0.8 * Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return (long) (0.8 * Runtime.getRuntime().maxMemory());
    }
}
