package dev.txlab.harness.store;

/** One physical database: its kind, its name ({@code <prefix>_<service>}) and how to reach it. */
public record DatabaseLocation(StoreKind kind, String name, String jdbcUrl, String user, String password) {

    /** The kind and URL (without its parameters; credentials are never in it), safe to print. */
    public String describe() {
        int parameters = jdbcUrl.indexOf('?');
        return kind.id() + " " + (parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters));
    }
}
