package io.pylon.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a config tree as block-style YAML that {@link YamlReader} reads back to the same tree:
 * strings that would read back as another type (or need escapes) are double-quoted, doubles are
 * always written with a decimal point or exponent so they stay doubles.
 */
final class YamlWriter {

    private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./()+-][A-Za-z0-9_./()+ -]*");
    private static final String INDENT = "  ";

    private YamlWriter() {
    }

    static String write(MapNode root) {
        if (root.entries().isEmpty()) {
            return "{}\n";
        }
        StringBuilder out = new StringBuilder();
        writeMap(root, 0, false, out);
        return out.toString();
    }

    /**
     * Writes block entries at {@code depth}. With {@code continueLine} the first entry goes on the
     * current line, after a "- " that already fills one indent level ("- name: x").
     */
    private static void writeMap(MapNode map, int depth, boolean continueLine, StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, ConfigNode> entry : map.entries().entrySet()) {
            out.append(first && continueLine ? "" : INDENT.repeat(depth)).append(text(entry.getKey())).append(':');
            first = false;
            if (isInline(entry.getValue())) {
                out.append(' ').append(inline(entry.getValue())).append('\n');
            } else {
                out.append('\n');
                writeBlock(entry.getValue(), depth + 1, false, out);
            }
        }
    }

    private static void writeList(ListNode list, int depth, boolean continueLine, StringBuilder out) {
        boolean first = true;
        for (ConfigNode item : list.items()) {
            out.append(first && continueLine ? "" : INDENT.repeat(depth)).append("- ");
            first = false;
            if (isInline(item)) {
                out.append(inline(item)).append('\n');
            } else {
                writeBlock(item, depth + 1, true, out);
            }
        }
    }

    private static void writeBlock(ConfigNode value, int depth, boolean continueLine, StringBuilder out) {
        switch (value) {
            case MapNode map -> writeMap(map, depth, continueLine, out);
            case ListNode list -> writeList(list, depth, continueLine, out);
            case ScalarNode scalar -> throw new IllegalStateException("scalars are always inline: " + scalar);
        }
    }

    // Empty collections and lists of scalars read better on one line ("sizes: [32, 64]").
    private static boolean isInline(ConfigNode node) {
        return switch (node) {
            case ScalarNode scalar -> true;
            case MapNode map -> map.entries().isEmpty();
            case ListNode list -> list.items().stream().allMatch(item -> item instanceof ScalarNode);
        };
    }

    private static String inline(ConfigNode node) {
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar.value());
            case MapNode map -> "{}";
            case ListNode list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.items().size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(inline(list.items().get(i)));
                }
                yield out.append(']').toString();
            }
        };
    }

    static String scalar(Object value) {
        return switch (value) {
            case null -> "null";
            case String text -> text(text);
            case Double d when d.isNaN() -> ".nan";
            case Double d when d.isInfinite() -> d > 0 ? ".inf" : "-.inf";
            case Double d -> d.toString();
            default -> value.toString();
        };
    }

    private static String text(String text) {
        boolean plain = PLAIN_SAFE.matcher(text).matches() && !text.endsWith(" ")
                && !text.startsWith("- ") && !text.equals("-") && !ScalarResolver.isAmbiguous(text);
        return plain ? text : quote(text);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    // YAML reads NEL and the Unicode line/paragraph separators as line breaks, even in quotes.
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
