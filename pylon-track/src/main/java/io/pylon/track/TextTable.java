package io.pylon.track;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for terminals: a header, a rule, left-aligned text and right-aligned numbers. */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + header.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public String render() {
        int[] widths = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
                numeric[c] &= row.get(c).isEmpty() || row.get(c).equals("-") || isNumber(row.get(c));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, numeric);
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append('\n');
        rows.forEach(row -> line(out, row, widths, numeric));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            text.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
        }
        out.append(text.toString().stripTrailing()).append('\n');
    }

    private static boolean isNumber(String text) {
        String t = text.replace("±", "").replace(" ", "");
        try {
            Double.parseDouble(t.contains("+-") ? t.substring(0, t.indexOf("+-")) : t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Four significant digits, the way a table of metrics reads best; "-" for no value. */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value != 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) {
            return String.format(java.util.Locale.ROOT, "%.3e", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
