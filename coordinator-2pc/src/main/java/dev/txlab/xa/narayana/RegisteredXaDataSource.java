package dev.txlab.xa.narayana;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.XAConnection;
import javax.sql.XADataSource;

/**
 * Hands a decorated XADataSource to Agroal, which only accepts a class it instantiates itself: the
 * instance is registered under a key, and Agroal sets that key as the {@code registration}
 * property. The registry is JVM-wide, as Narayana's own configuration is.
 */
public final class RegisteredXaDataSource implements XADataSource {
    private static final Map<String, XADataSource> REGISTRY = new ConcurrentHashMap<>();

    private XADataSource target;
    private int loginTimeoutSeconds;

    static String register(XADataSource dataSource) {
        String key = UUID.randomUUID().toString();
        REGISTRY.put(key, dataSource);
        return key;
    }

    static void unregister(String key) {
        REGISTRY.remove(key);
    }

    /** Set by Agroal from the {@code registration} JDBC property. */
    public void setRegistration(String key) {
        target = REGISTRY.get(key);
        if (target == null) {
            throw new IllegalStateException("no XA data source registered under " + key);
        }
    }

    private XADataSource target() throws SQLException {
        if (target == null) {
            throw new SQLException("the XA data source was used before its registration was set");
        }
        return target;
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return target().getXAConnection();
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return target().getXAConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    /** Driver logging stays off; the decorator point sees every call instead. */
    @Override
    public void setLogWriter(PrintWriter out) {
    }

    /** Agroal sets this before the registration; the drivers' own connect timeouts apply. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }
}
