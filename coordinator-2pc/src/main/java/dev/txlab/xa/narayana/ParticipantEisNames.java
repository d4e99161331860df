package dev.txlab.xa.narayana;

import com.arjuna.ats.internal.jta.resources.arjunacore.XAResourceRecord;
import com.arjuna.ats.internal.jta.resources.arjunacore.XAResourceRecordWrappingPlugin;
import dev.txlab.domain.service.ServiceName;
import org.jboss.tm.XAResourceWrapper;

import javax.transaction.xa.XAResource;

/**
 * Names the participant ("EIS") of every branch in Narayana's log, so that recovery after a crash
 * in phase 2 can tell a branch already committed (its participant was scanned and no longer lists
 * it) from one still in doubt. Without it Narayana cannot find the committed branches again and
 * never finishes the transaction. The names are {@code txlab/<service>}, the ones Agroal gives the
 * run's XA resources and {@link NamedXaResource} gives the recovery ones; the number logged is
 * fixed per service, so it means the same in every JVM.
 */
public final class ParticipantEisNames implements XAResourceRecordWrappingPlugin {
    private static final String PREFIX = "txlab/";

    static String jndiName(ServiceName service) {
        return PREFIX + service.id();
    }

    @Override
    public void transcribeWrapperData(XAResourceRecord record) {
        if (record.value() instanceof XAResourceWrapper wrapper) {
            record.setJndiName(wrapper.getJndiName());
            record.setProductName(wrapper.getProductName());
            record.setProductVersion(wrapper.getProductVersion());
        }
    }

    @Override
    public Integer getEISName(XAResource resource) {
        if (resource instanceof XAResourceWrapper wrapper && wrapper.getJndiName() != null) {
            for (ServiceName service : ServiceName.values()) {
                if (jndiName(service).equals(wrapper.getJndiName())) {
                    return service.ordinal() + 1;
                }
            }
        }
        return 0;
    }

    @Override
    public String getEISName(Integer id) {
        if (id == null || id < 1 || id > ServiceName.values().length) {
            return "unknown eis name";
        }
        return jndiName(ServiceName.values()[id - 1]);
    }
}
