package dev.txlab.harness.audit;

/** One broken invariant: which, about what (an order id, a sku, or "money"), and what was found. */
public record Violation(Invariant invariant, String subject, String found) {

    /**
     * A text from outside (an id read from a file) in double quotes, with what would not show escaped:
     * a stray carriage return reads {@code "o00000007\r"}, a trailing space stays inside the quotes.
     */
    public static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\r' -> quoted.append("\\r");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '"', '\\' -> quoted.append('\\').append(c);
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return invariant.label() + ": " + subject + ": " + found;
    }
}
