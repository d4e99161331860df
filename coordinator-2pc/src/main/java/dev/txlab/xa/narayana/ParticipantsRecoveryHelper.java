package dev.txlab.xa.narayana;

import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import dev.txlab.domain.service.ServiceName;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * Gives Narayana's XA recovery one fresh XA resource per participant database at every scan (so
 * PostgreSQL, whose recover() lists only the current database's branches, is asked per database),
 * named after its participant ({@link ParticipantEisNames}).
 */
final class ParticipantsRecoveryHelper implements XAResourceRecoveryHelper {
    private final Map<ServiceName, XADataSource> participants;
    private final Map<ServiceName, XAConnection> open = new EnumMap<>(ServiceName.class);

    ParticipantsRecoveryHelper(Map<ServiceName, XADataSource> participants) {
        this.participants = participants;
    }

    @Override
    public boolean initialise(String parameters) {
        return true;
    }

    /**
     * The same resources at every scan, opened at the first: Narayana keeps using a resource from an
     * earlier scan to finish a branch (with MariaDB, whose XA RECOVER is server-wide, any
     * participant's resource may be the one it picked), so they stay open until the engine closes.
     */
    @Override
    public synchronized XAResource[] getXAResources() {
        List<XAResource> resources = new ArrayList<>();
        participants.forEach((service, dataSource) -> {
            try {
                XAConnection connection = open.get(service);
                if (connection == null) {
                    connection = dataSource.getXAConnection();
                    open.put(service, connection);
                }
                resources.add(new NamedXaResource(connection.getXAResource(), ParticipantEisNames.jndiName(service)));
            } catch (SQLException e) {
                throw new IllegalStateException("recovery cannot reach the " + service.id() + " database: "
                        + e.getMessage(), e);
            }
        });
        return resources.toArray(new XAResource[0]);
    }

    synchronized void closeOpen() {
        for (XAConnection connection : open.values()) {
            try {
                connection.close();
            } catch (SQLException e) {
                // a recovery connection that fails to close has nothing left to protect
            }
        }
        open.clear();
    }
}
