package dev.txlab.report;

import java.util.Locale;

/** Escaping for text and attribute values written into the report's HTML and SVG, and the charts' SVG element. */
final class Html {
    private Html() {
    }

    /** The opening of a chart: an SVG element of the given size with its title (escaped). */
    static String svgOpen(int width, int height, String title) {
        return String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                + "height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\"><title>%s</title>", width, height, width, height,
                escape(title));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
