package io.pylon.config.override;

import java.util.ArrayList;
import java.util.List;

import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;
import io.pylon.config.YamlReader;

/**
 * Parses override arguments. Errors are {@link ConfigException}s whose origin is the argument itself,
 * e.g. {@code command-line override 'trainer.max_epochs': expected key.path=value}.
 */
public final class OverrideParser {

    private static final String KEY_PATH_RULE =
            "a key path is names of letters, digits, '_' or '-' joined by '.', e.g. trainer.max_epochs";

    private OverrideParser() {
    }

    public static List<ConfigOverride> parseAll(List<String> arguments) {
        List<ConfigOverride> parsed = new ArrayList<>();
        for (String argument : arguments) {
            parsed.add(parse(argument));
        }
        return List.copyOf(parsed);
    }

    /** Parses {@code key.path=value}, {@code +key.path=value} or {@code ~key.path}. */
    public static ConfigOverride parse(String argument) {
        String text = argument.strip();
        Origin origin = Origin.override(text);
        if (text.startsWith("~")) {
            String key = text.substring(1);
            if (key.contains("=")) {
                throw new ConfigException(origin, "", "expected ~key.path (a deletion takes no value)");
            }
            return new DeleteKey(text, keyPath(key, origin, "~key.path"));
        }
        boolean add = text.startsWith("+");
        String form = add ? "+key.path=value" : "key.path=value";
        String body = add ? text.substring(1) : text;
        int equals = body.indexOf('=');
        if (equals < 0) {
            throw new ConfigException(origin, "", "expected " + form);
        }
        KeyPath path = keyPath(body.substring(0, equals), origin, form);
        ConfigNode value = value(body.substring(equals + 1), path, origin);
        return add ? new AddKey(text, path, value) : new SetValue(text, path, value);
    }

    /**
     * Parses the sweep form {@code key.path=v1,v2,v3} into its choices. Commas inside brackets, braces
     * or quotes do not split, so {@code sizes=[1,2],[3,4]} has two list choices; a value without a
     * top-level comma is a sweep of one.
     */
    public static Sweep parseSweep(String argument) {
        String text = argument.strip();
        Origin origin = Origin.override(text);
        int equals = text.indexOf('=');
        if (equals < 0 || text.startsWith("+") || text.startsWith("~")) {
            throw new ConfigException(origin, "", "expected key.path=value1,value2,...");
        }
        KeyPath path = keyPath(text.substring(0, equals), origin, "key.path=value1,value2,...");
        List<String> texts = splitChoices(text.substring(equals + 1), path, origin);
        List<ConfigNode> choices = new ArrayList<>();
        for (String choice : texts) {
            choices.add(value(choice, path, origin));
        }
        return new Sweep(text, path, texts, choices);
    }

    private static KeyPath keyPath(String key, Origin origin, String form) {
        if (key.isEmpty()) {
            throw new ConfigException(origin, "", "expected " + form + ", but the key path is empty");
        }
        if (!KeyPath.isValid(key)) {
            throw new ConfigException(origin, "", "bad key path '" + key + "': " + KEY_PATH_RULE);
        }
        return KeyPath.of(key);
    }

    // "key=" means the empty string, as in Hydra; YAML would read an empty document as null.
    private static ConfigNode value(String valueText, KeyPath path, Origin origin) {
        if (valueText.isEmpty()) {
            return new ScalarNode("", origin);
        }
        try {
            return YamlReader.readValue(valueText, origin);
        } catch (ConfigException e) {
            throw new ConfigException(origin, path.toString(),
                    "cannot read value '" + valueText + "' as YAML: " + e.detail(), e);
        }
    }

    private static List<String> splitChoices(String values, KeyPath path, Origin origin) {
        List<String> choices = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < values.length(); i++) {
            char c = values.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                choices.add(choice(values.substring(start, i), path, origin));
                start = i + 1;
            }
        }
        choices.add(choice(values.substring(start), path, origin));
        return choices;
    }

    private static String choice(String text, KeyPath path, Origin origin) {
        String choice = text.strip();
        if (choice.isEmpty()) {
            throw new ConfigException(origin, path.toString(), "empty sweep choice; expected value1,value2,...");
        }
        return choice;
    }
}
