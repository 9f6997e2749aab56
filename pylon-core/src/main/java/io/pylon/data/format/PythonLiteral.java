package io.pylon.data.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax that {@code .npy} headers use: a dict of quoted string
 * keys to strings, {@code True}/{@code False}, integers (a Python 2 {@code L} suffix is accepted), and tuples
 * or lists of those. Tuples and lists both become {@link List}s, integers {@link Long}s. Anything else is
 * an {@link IllegalArgumentException} saying where parsing stopped; the caller adds the file name.
 */
final class PythonLiteral {

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must hold one literal and nothing else but white space. */
    static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("the literal ends early");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '(' -> sequence(')');
            case '[' -> sequence(']');
            case '\'', '"' -> string();
            default -> c == '-' || Character.isDigit(c) ? integer() : word();
        };
    }

    private Map<String, Object> dict() {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            if (peek() != '\'' && peek() != '"') {
                throw error("expected a quoted key or '}'");
            }
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> sequence(char close) {
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        pos++;
        return out.toString();
    }

    private Long integer() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (peek() == 'L' || peek() == 'l') {
            pos++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            IllegalArgumentException error = error("'" + digits + "' is not an integer that fits 64 bits");
            error.initCause(e);
            throw error;
        }
    }

    private Boolean word() {
        for (String w : List.of("True", "False")) {
            if (text.startsWith(w, pos)) {
                pos += w.length();
                return w.equals("True");
            }
        }
        throw error("expected a string, integer, True, False, tuple, list or dict");
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + pos + " of the header "
                + "\"" + text.strip() + "\"");
    }
}
