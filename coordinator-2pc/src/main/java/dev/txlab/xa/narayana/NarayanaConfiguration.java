package dev.txlab.xa.narayana;

import com.arjuna.ats.arjuna.common.CoordinatorEnvironmentBean;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean;
import com.arjuna.ats.internal.arjuna.objectstore.ShadowNoFileLockStore;
import com.arjuna.ats.internal.arjuna.objectstore.VolatileStore;
import com.arjuna.ats.internal.arjuna.objectstore.hornetq.HornetqJournalEnvironmentBean;
import com.arjuna.ats.internal.arjuna.objectstore.hornetq.HornetqObjectStoreAdaptor;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.store.Durability;

import java.util.List;

/**
 * Narayana's configuration, set in code before its first use. Narayana keeps it JVM-wide, so this
 * applies it once and refuses a different one in the same JVM (one XA configuration per JVM).
 *
 * @param sync whether every log write is forced to disk (durability {@code power})
 */
record NarayanaConfiguration(TmIdentity identity, TmSettings.LogStore store, int presumedAbortMillis,
                             Durability durability) {
    private static final Object LOCK = new Object();
    private static NarayanaConfiguration applied;

    boolean sync() {
        return durability == Durability.POWER;
    }

    String storeDescription() {
        if (durability == Durability.NONE) {
            return "volatile store (durability none)";
        }
        return (store == TmSettings.LogStore.JOURNAL ? "journal store" : "file store") + " at " + identity.logDir()
                + (sync() ? ", writes forced to disk" : ", writes not forced (durability process)");
    }

    void applyOnce() {
        synchronized (LOCK) {
            if (applied != null) {
                if (!applied.equals(this)) {
                    throw new IllegalStateException("Narayana is already configured in this JVM as " + applied
                            + "; one XA configuration per JVM");
                }
                return;
            }
            apply();
            applied = this;
        }
    }

    private void apply() {
        try {
            BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier(identity.node());
        } catch (CoreEnvironmentBeanException e) {
            throw new IllegalArgumentException("invalid Narayana node identifier '" + identity.node() + "'", e);
        }
        String dir = identity.logDir().toString();
        for (ObjectStoreEnvironmentBean bean : List.of(
                BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class),
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "communicationStore"),
                BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, "stateStore"))) {
            bean.setObjectStoreDir(dir);
            bean.setTransactionSync(sync());
            bean.setObjectStoreSync(sync());
            bean.setObjectStoreType(objectStoreType());
            bean.setVolatileStoreSupportAllObjUids(true);
        }
        HornetqJournalEnvironmentBean journal = BeanPopulator.getDefaultInstance(HornetqJournalEnvironmentBean.class);
        journal.setStoreDir(identity.logDir().resolve("journal").toString());
        journal.setSyncWrites(sync());
        journal.setSyncDeletes(sync());
        journal.setAsyncIO(false);

        CoordinatorEnvironmentBean coordinator = BeanPopulator.getDefaultInstance(CoordinatorEnvironmentBean.class);
        coordinator.setTransactionStatusManagerEnable(false);
        coordinator.setDefaultTimeout(Math.max(1, presumedAbortMillis / 1000));

        JTAEnvironmentBean jta = BeanPopulator.getDefaultInstance(JTAEnvironmentBean.class);
        jta.setXaRecoveryNodes(List.of(identity.node()));
        jta.setOrphanSafetyInterval(presumedAbortMillis);
        jta.setXAResourceRecordWrappingPlugin(new ParticipantEisNames());

        RecoveryEnvironmentBean recovery = BeanPopulator.getDefaultInstance(RecoveryEnvironmentBean.class);
        recovery.setRecoveryListener(false);
        recovery.setRecoveryBackoffPeriod(1);
        recovery.setRecoveryModuleClassNames(List.of(
                "com.arjuna.ats.internal.arjuna.recovery.AtomicActionRecoveryModule",
                "com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule"));
    }

    private String objectStoreType() {
        if (durability == Durability.NONE) {
            return VolatileStore.class.getName();
        }
        return store == TmSettings.LogStore.JOURNAL ? HornetqObjectStoreAdaptor.class.getName()
                : ShadowNoFileLockStore.class.getName();
    }
}
