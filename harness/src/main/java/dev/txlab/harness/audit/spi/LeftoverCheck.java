package dev.txlab.harness.audit.spi;

import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.run.RunRecord;
import dev.txlab.harness.store.Stores;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds what a module's own state still holds after quiescence or recovery (invariant I3). */
public interface LeftoverCheck {

    /** The leftovers of this module for the run; empty when the run is not this module's. */
    List<Violation> find(Stores stores, RunRecord record);

    /** The leftovers of every module on the classpath. */
    static List<Violation> all(Stores stores, RunRecord record) {
        List<Violation> leftovers = new ArrayList<>();
        for (LeftoverCheck check : ServiceLoader.load(LeftoverCheck.class)) {
            leftovers.addAll(check.find(stores, record));
        }
        return leftovers;
    }
}
