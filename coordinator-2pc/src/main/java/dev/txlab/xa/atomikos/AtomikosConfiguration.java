package dev.txlab.xa.atomikos;

import com.atomikos.icatch.config.UserTransactionServiceImp;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.store.Durability;

import java.util.Properties;

/**
 * Atomikos' transaction service settings for the testbed: log directory and a {@code tm_unique_name}
 * stable across restarts, a short {@code max_timeout} (presumed abort within seconds, not the 300 s
 * default), two-phase commit on the calling thread. The service is JVM-wide: each engine starts it
 * and shuts it down, so a later engine in the same JVM reads the log afresh (as a restarted process would).
 */
record AtomikosConfiguration(TmIdentity identity, int presumedAbortMillis, Durability durability) {

    Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("com.atomikos.icatch.log_base_dir", identity.logDir().toString());
        properties.setProperty("com.atomikos.icatch.log_base_name", "tmlog");
        properties.setProperty("com.atomikos.icatch.tm_unique_name", identity.node());
        properties.setProperty("com.atomikos.icatch.max_timeout", Integer.toString(presumedAbortMillis));
        properties.setProperty("com.atomikos.icatch.default_jta_timeout", Integer.toString(presumedAbortMillis));
        properties.setProperty("com.atomikos.icatch.recovery_delay", Integer.toString(presumedAbortMillis));
        properties.setProperty("com.atomikos.icatch.max_actives", "-1");
        properties.setProperty("com.atomikos.icatch.threaded_2pc", "false");
        properties.setProperty("com.atomikos.icatch.enable_logging", Boolean.toString(durability != Durability.NONE));
        properties.setProperty("com.atomikos.icatch.registered", "true");
        return properties;
    }

    String logDescription() {
        return durability == Durability.NONE ? "no log (durability none)"
                : "file log at " + identity.logDir() + ", decisions forced to disk by Atomikos whatever the profile";
    }

    /** Starts the transaction service; the caller shuts it down. */
    UserTransactionServiceImp start() {
        UserTransactionServiceImp service = new UserTransactionServiceImp(properties());
        service.init();
        return service;
    }
}
