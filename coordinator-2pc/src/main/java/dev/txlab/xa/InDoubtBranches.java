package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.TmIdentity;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** The prepared branches of one TM node still in doubt in the participants, found with XA recover. */
public final class InDoubtBranches {
    private InDoubtBranches() {
    }

    /** One in-doubt branch: where, and its transaction id as text. */
    public record Branch(ServiceName service, String xid) {
    }

    static List<Branch> of(String node, Map<ServiceName, XADataSource> participants) {
        List<Branch> branches = new ArrayList<>();
        participants.forEach((service, dataSource) -> {
            try {
                XAConnection connection = dataSource.getXAConnection();
                try {
                    XAResource resource = connection.getXAResource();
                    for (Xid xid : resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                        if (TmIdentity.belongsTo(xid.getGlobalTransactionId(), node)) {
                            branches.add(new Branch(service, describe(xid)));
                        }
                    }
                } finally {
                    connection.close();
                }
            } catch (SQLException | XAException e) {
                throw new IllegalStateException("cannot list the in-doubt branches of " + service.id() + ": " + e, e);
            }
        });
        return branches;
    }

    private static String describe(Xid xid) {
        return xid.getFormatId() + ":" + hex(xid.getGlobalTransactionId()) + ":" + hex(xid.getBranchQualifier());
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
