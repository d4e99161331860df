package dev.txlab.harness.store;

import java.util.Objects;

/** A database server: its base JDBC URL (ending in '/', no database), user and password. */
public record ServerEndpoint(String baseUrl, String user, String password) {
    public static final ServerEndpoint POSTGRES_DEFAULT =
            new ServerEndpoint("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
    public static final ServerEndpoint MARIADB_DEFAULT =
            new ServerEndpoint("jdbc:mariadb://127.0.0.1:3306/", "root", "");

    public ServerEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** The URL of one database on this server. */
    public String urlOf(String database) {
        return baseUrl + database;
    }
}
