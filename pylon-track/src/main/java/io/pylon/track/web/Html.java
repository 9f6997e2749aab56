package io.pylon.track.web;

import java.util.Locale;

/** HTML building blocks; {@link #text} is the only way run-supplied strings reach a page. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A query-string value (percent-encoded, then safe inside an attribute). */
    static String param(String raw) {
        return java.net.URLEncoder.encode(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String badge(String status) {
        return "<span class=\"badge badge-" + text(status) + "\">" + text(status) + "</span>";
    }

    static String number(double value) {
        return text(io.pylon.track.TextTable.number(value));
    }

    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
    }

    /** The page frame: header with navigation, then {@code body}; scripts are same-origin files only. */
    static String page(String title, String active, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(title) + " · Pylon</title>"
                + "<link rel=\"stylesheet\" href=\"/static/uPlot.min.css\">"
                + "<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>"
                + "<header class=\"top\"><a class=\"brand\" href=\"/\">Pylon</a><nav>"
                + nav("/", "Runs", active) + nav("/groups", "Seed groups", active) + "</nav></header>"
                + "<main>" + body + "</main>"
                + "<script src=\"/static/uPlot.iife.min.js\"></script><script src=\"/static/app.js\"></script>"
                + "</body></html>";
    }

    private static String nav(String href, String label, String active) {
        return "<a href=\"" + href + "\"" + (label.equals(active) ? " class=\"active\"" : "") + ">" + label + "</a>";
    }
}
