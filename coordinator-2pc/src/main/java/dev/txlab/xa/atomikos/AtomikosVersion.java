package dev.txlab.xa.atomikos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The Atomikos version on the classpath, from its Maven metadata (its jars carry no manifest version). */
final class AtomikosVersion {
    static final String VERSION = read();

    private AtomikosVersion() {
    }

    private static String read() {
        try (InputStream in = AtomikosVersion.class.getResourceAsStream(
                "/META-INF/maven/com.atomikos/transactions-jta/pom.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
