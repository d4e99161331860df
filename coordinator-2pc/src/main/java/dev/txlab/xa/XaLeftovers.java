package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.audit.spi.LeftoverCheck;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.run.RunRecord;
import dev.txlab.harness.store.Stores;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.XADataSource;

/** The I3 leftovers of an XA run: branches of its TM node still in doubt in a participant database. */
public final class XaLeftovers implements LeftoverCheck {
    private static final Set<ImplementationId> XA = Set.of(ImplementationId.XA_NARAYANA, ImplementationId.XA_ATOMIKOS);

    @Override
    public List<Violation> find(Stores stores, RunRecord record) {
        if (!XA.contains(record.implementation()) || record.tm().isEmpty()) {
            return List.of();
        }
        TmIdentity tm = record.tm().get();
        Map<ServiceName, XADataSource> participants = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            participants.put(service, stores.xaDataSource(service));
        }
        return InDoubtBranches.of(tm.node(), participants).stream()
                .map(branch -> new Violation(Invariant.I3_NO_LEFTOVERS, "xa " + branch.xid(),
                        "branch of TM node " + tm.node() + " in doubt in the " + branch.service().id() + " database"))
                .toList();
    }
}
