package io.pylon.data.format;

import java.util.ArrayList;
import java.util.List;

import io.pylon.data.DataException;

/**
 * Splits CSV text into rows of fields: RFC 4180 quoting (a quoted field may hold the delimiter, line breaks
 * and {@code ""} for a quote), {@code \n} or {@code \r\n} line ends, a leading UTF-8 byte order mark
 * dropped, empty lines skipped. Fields are not trimmed here; numbers are trimmed when parsed.
 */
final class CsvParser {

    /** One row and the 1-based line it starts on (for error messages). */
    record Row(int line, List<String> fields) {
    }

    private final String text;
    private final char delimiter;
    private final String source;
    private int pos;
    private int line = 1;

    private CsvParser(String text, char delimiter, String source) {
        this.text = text;
        this.delimiter = delimiter;
        this.source = source;
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /**
     * @param source names the file in errors
     * @throws DataException for a quote left open, or text after a closing quote
     */
    static List<Row> parse(String text, char delimiter, String source) {
        return new CsvParser(text, delimiter, source).rows();
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            if (atLineEnd()) {
                skipLineEnd();
                continue;
            }
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            while (true) {
                fields.add(text.charAt(pos) == '"' ? quoted() : plain());
                if (pos < text.length() && text.charAt(pos) == delimiter) {
                    pos++;
                    if (pos == text.length()) {
                        fields.add("");
                    }
                    if (pos < text.length()) {
                        continue;
                    }
                }
                skipLineEnd();
                break;
            }
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }

    private String plain() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != delimiter && !atLineEnd()) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        int quoteLine = line;
        StringBuilder field = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new DataException(source, DataException.NO_SAMPLE, "line " + quoteLine
                        + ": a quoted field is never closed; add the closing quote");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    field.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            }
            field.append(c);
        }
        if (pos < text.length() && text.charAt(pos) != delimiter && !atLineEnd()) {
            throw new DataException(source, DataException.NO_SAMPLE, "line " + line + ": unexpected '"
                    + text.charAt(pos) + "' after a closing quote; quote the whole field and double any quote"
                    + " inside it");
        }
        return field.toString();
    }

    private boolean atLineEnd() {
        char c = text.charAt(pos);
        return c == '\n' || c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n';
    }

    private void skipLineEnd() {
        if (pos < text.length()) {
            pos += text.charAt(pos) == '\r' ? 2 : 1;
            line++;
        }
    }
}
