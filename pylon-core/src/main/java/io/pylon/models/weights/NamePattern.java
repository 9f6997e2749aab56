package io.pylon.models.weights;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.pylon.PylonUserException;

/**
 * A glob over dotted parameter names, matched against the whole name: {@code *} is any run of characters
 * (dots included, so {@code encoder.*} covers every parameter below {@code encoder}), {@code ?} is one
 * character, everything else is literal. Globs, not regular expressions, because parameter names are full of
 * dots that a regex would read as wildcards. A pattern starting with {@code re:} is a regular expression
 * instead (whole-name match), for the rare case a glob cannot say it.
 */
public record NamePattern(String text, Pattern regex) {

    public static NamePattern of(String text) {
        if (text == null || text.isBlank()) {
            throw new PylonUserException("a parameter name pattern must not be empty");
        }
        if (text.startsWith("re:")) {
            try {
                return new NamePattern(text, Pattern.compile(text.substring(3)));
            } catch (PatternSyntaxException e) {
                throw new PylonUserException("'" + text + "' is not a valid regular expression: " + e.getDescription());
            }
        }
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new NamePattern(text, Pattern.compile(regex.toString()));
    }

    public boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
