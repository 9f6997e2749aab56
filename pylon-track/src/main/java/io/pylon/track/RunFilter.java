package io.pylon.track;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pylon.PylonUserException;

/**
 * One {@code --where} condition: {@code KEY OP VALUE} with OP one of {@code < <= > >= = == !=}. KEY is a
 * config key ({@code optim.lr}) or a metric ({@code val/loss}, compared by its best value). Numbers
 * compare as numbers, anything else as text (equality only). A run without the key does not match.
 */
public record RunFilter(String key, String op, String value) implements Predicate<IndexedRun> {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([^<>=!\\s]+)\\s*(<=|>=|!=|==|=|<|>)\\s*(.*?)\\s*");
    private static final List<String> ORDERED = List.of("<", "<=", ">", ">=");

    public static RunFilter parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches() || m.group(3).isEmpty()) {
            throw new PylonUserException("--where '" + text + "' is not KEY OP VALUE (OP one of < <= > >= = !=),"
                    + " e.g. --where optim.lr<1e-3 or --where val/loss<=0.5");
        }
        RunFilter filter = new RunFilter(m.group(1), m.group(2).equals("==") ? "=" : m.group(2), m.group(3));
        if (ORDERED.contains(filter.op) && number(filter.value).isEmpty()) {
            throw new PylonUserException("--where '" + text + "': " + filter.op + " needs a number, got '"
                    + filter.value + "' (use = or != to compare text)");
        }
        return filter;
    }

    @Override
    public boolean test(IndexedRun run) {
        Optional<String> actual = key.contains("/")
                ? Optional.ofNullable(run.metrics().get(key)).filter(s -> s.count() > 0).map(s -> Double.toString(s.best()))
                : run.configValue(key);
        if (actual.isEmpty()) {
            return false;
        }
        Optional<Double> a = number(actual.get());
        Optional<Double> b = number(value);
        if (a.isPresent() && b.isPresent()) {
            int c = Double.compare(a.get(), b.get());
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "=" -> c == 0;
                default -> c != 0;
            };
        }
        boolean equal = actual.get().equals(value);
        return switch (op) {
            case "=" -> equal;
            case "!=" -> !equal;
            default -> false;
        };
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
