package dev.txlab.domain.store;

/** One physical database: its kind, its name ({@code <prefix>_<service>}) and how to reach it. */
public record DatabaseLocation(StoreKind kind, String name, String jdbcUrl, String user, String password) {

    /** The URL without credentials, safe to print. */
    public String describe() {
        return kind.id() + " " + jdbcUrl;
    }
}
