package io.pylon.tune.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pylon.config.ConfigException;
import io.pylon.config.Origin;
import io.pylon.config.override.OverrideParser;
import io.pylon.config.override.Sweep;

/**
 * The runs of a multirun ({@code pylon train -m CONFIG a=1,2 b=x,y seed=range(3)}): the cross product of every
 * swept key's choices, the first key varying slowest (as in Hydra). Besides lists, a value may be
 * {@code range(stop)}, {@code range(start, stop[, step])} (integers, stop excluded) or {@code choice(a, b)};
 * {@code interval(a, b)} describes a continuous range and belongs to {@code pylon tune}.
 */
public record SweepPlan(List<Sweep> sweeps, List<List<String>> runs) {

    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z0-9_.-]+)=(range|choice|interval)\\((.*)\\)");

    public SweepPlan {
        sweeps = List.copyOf(sweeps);
        runs = runs.stream().map(List::copyOf).toList();
    }

    public static SweepPlan of(List<String> arguments) {
        List<Sweep> sweeps = new ArrayList<>();
        for (String argument : arguments) {
            sweeps.add(OverrideParser.parseSweep(expand(argument.strip())));
        }
        List<List<String>> runs = new ArrayList<>();
        runs.add(List.of());
        for (Sweep sweep : sweeps) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> run : runs) {
                for (String choice : sweep.overrides()) {
                    List<String> extended = new ArrayList<>(run);
                    extended.add(choice);
                    next.add(extended);
                }
            }
            runs = next;
        }
        return new SweepPlan(sweeps, runs);
    }

    /** Rewrites {@code key=range(...)} and {@code key=choice(...)} to the list form the override parser reads. */
    static String expand(String argument) {
        Matcher m = FUNCTION.matcher(argument);
        if (!m.matches()) {
            return argument;
        }
        Origin origin = Origin.override(argument);
        String key = m.group(1);
        String body = m.group(3).strip();
        return switch (m.group(2)) {
            case "choice" -> {
                if (body.isEmpty()) {
                    throw new ConfigException(origin, key, "choice() needs at least one value");
                }
                yield key + "=" + body;
            }
            case "range" -> key + "=" + range(body, key, origin);
            default -> throw new ConfigException(origin, key, "interval() is a continuous range for a search;"
                    + " a multirun needs listed values (a=1,2,3 or range(...)); for a search use `pylon tune` with"
                    + " tune.params." + key + ": {uniform: [low, high]}");
        };
    }

    private static String range(String body, String key, Origin origin) {
        String[] parts = body.split(",");
        long[] n = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                n[i] = Long.parseLong(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(origin, key, "range() takes integers: range(stop), range(start, stop) or"
                    + " range(start, stop, step), got range(" + body + ")");
        }
        if (n.length > 3) {
            throw new ConfigException(origin, key, "range() takes at most 3 integers (start, stop, step)");
        }
        long start = n.length == 1 ? 0 : n[0];
        long stop = n.length == 1 ? n[0] : n[1];
        long step = n.length == 3 ? n[2] : 1;
        if (step == 0 || (step > 0 ? start >= stop : start <= stop)) {
            throw new ConfigException(origin, key, "range(" + body + ") is empty (the stop value is excluded)");
        }
        List<String> values = new ArrayList<>();
        for (long v = start; step > 0 ? v < stop : v > stop; v += step) {
            values.add(Long.toString(v));
        }
        return String.join(",", values);
    }
}
