package dev.txlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries quiet on the console: warnings and errors only. SLF4J (simplelogger.properties)
 * covers Flyway, HikariCP and Narayana (through jboss-logging); Atomikos and Agroal log to
 * java.util.logging.
 */
final class Logging {
    private static final Logger ROOT = Logger.getLogger("");
    /**
     * Atomikos warns about every pooled statement it closes itself and about pool sizes it thinks
     * default; neither is a problem here, so only its errors are shown.
     */
    private static final Logger ATOMIKOS = Logger.getLogger("com.atomikos");

    private Logging() {
    }

    static void quiet() {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("com.atomikos.icatch.registered", "true");
        ROOT.setLevel(Level.WARNING);
        ATOMIKOS.setLevel(Level.SEVERE);
        for (var handler : ROOT.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }
}
