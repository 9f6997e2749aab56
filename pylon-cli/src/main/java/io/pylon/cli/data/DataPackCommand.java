package io.pylon.cli.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.plugin.StandardComponents;
import io.pylon.data.Dataset;
import io.pylon.data.packed.PackedHeader;
import io.pylon.data.packed.Packing;

/**
 * {@code pylon data pack}: writes a dataset split into a {@code .pylonpack} file, which the {@code packed}
 * format then memory-maps. With {@code --split all} the output is a folder receiving one file per split.
 */
@Command(name = "pack", description = "Pack a dataset split into a memory-mapped .pylonpack file.",
        sortOptions = false)
public final class DataPackCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "an experiment config whose data section"
            + " names the dataset (overrides may follow as arguments)")
    Path config;

    @Parameters(paramLabel = "OVERRIDES", arity = "0..*", description = "key=value overrides of --config")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--dataset", paramLabel = "NAME", description = "built-in dataset (fashion_mnist)")
    String dataset;

    @Option(names = "--root", paramLabel = "DIR", description = "folder of the built-in dataset's files"
            + " (default: its system location)")
    String root;

    @Option(names = "--val-size", defaultValue = "5000", description = "training samples held out for val"
            + " (default ${DEFAULT-VALUE})")
    int valSize;

    @Option(names = "--split", paramLabel = "SPLIT", description = "train, val, test or all (default train;"
            + " built-in datasets only)")
    String split;

    @Option(names = "--format", paramLabel = "NAME", description = "a registered dataset format, instead of"
            + " --dataset")
    String format;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "a parameter of --format (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the packed file (a folder"
            + " with --split all)")
    Path out;

    @Option(names = "--threads", defaultValue = "4", description = "threads reading samples (default"
            + " ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        int sources = (config == null ? 0 : 1) + (dataset == null ? 0 : 1) + (format == null ? 0 : 1);
        if (sources != 1) {
            throw new PylonUserException("give exactly one of --config FILE, --dataset NAME and --format NAME");
        }
        if (!overrides.isEmpty() && config == null) {
            throw new PylonUserException("overrides " + overrides + " apply to --config only");
        }
        if (threads < 1) {
            throw new PylonUserException("--threads must be >= 1, got " + threads);
        }
        DatasetSource source;
        List<String> splits;
        if (dataset != null || config != null) {
            source = config != null ? DatasetSource.config(Config.load(config, overrides), StandardComponents.withPlugins())
                    : DatasetSource.builtIn(dataset, Optional.ofNullable(root), valSize);
            String name = config != null ? config.toString() : dataset;
            String chosen = split == null ? "train" : split;
            if (!chosen.equals("all") && !source.splits().contains(chosen)) {
                throw new PylonUserException("--split " + chosen + " is not a split of " + name + "; use one of "
                        + source.splits() + " or all");
            }
            splits = chosen.equals("all") ? source.splits() : List.of(chosen);
        } else {
            if (split != null || root != null) {
                throw new PylonUserException("--split and --root apply to --dataset; give a format's files with"
                        + " --param key=value");
            }
            source = DatasetSource.format(format, params, StandardComponents.withPlugins());
            splits = source.splits();
        }
        boolean folder = format == null && "all".equals(split);
        for (String name : splits) {
            Path file = folder ? out.resolve(name + PackedHeader.EXTENSION) : out;
            pack(source, name, file);
        }
        return 0;
    }

    private void pack(DatasetSource source, String name, Path file) {
        long start = System.nanoTime();
        PackedHeader header;
        try (Dataset data = source.open(name)) {
            header = Packing.pack(data, file, threads, new Report(name));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d records of %s -> %s%s, %d bytes each; %.1f MB in %.1f s%n",
                file, header.count(), header.input(), header.target().map(Object::toString).orElse("no target"),
                header.denseTarget() ? " (dense)" : "", header.recordBytes(),
                header.count() * header.recordBytes() / 1e6, seconds);
    }

    /** Progress on stderr, every tenth of the way. */
    private static final class Report implements Packing.Progress {

        private final String split;
        private long lastTenth = -1;

        Report(String split) {
            this.split = split;
        }

        @Override
        public void packed(long done, long total) {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                System.err.printf(Locale.ROOT, "packing %s%d/%d%n", split.isEmpty() ? "" : split + ": ", done, total);
            }
        }
    }
}
