package dev.txlab.xa.atomikos;

import com.atomikos.icatch.config.Configuration;
import com.atomikos.icatch.config.UserTransactionServiceImp;
import com.atomikos.icatch.jta.UserTransactionManager;
import com.atomikos.jdbc.AtomikosDataSourceBean;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.xa.XaEngine;
import dev.txlab.xa.XaRecovery;
import jakarta.transaction.TransactionManager;

import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import javax.sql.XADataSource;

/** Atomikos with one AtomikosDataSourceBean pool per participant. */
final class AtomikosEngine implements XaEngine {
    private static final int BORROW_TIMEOUT_SECONDS = 30;

    private final AtomikosConfiguration configuration;
    private final UserTransactionServiceImp service;
    private final UserTransactionManager transactionManager = new UserTransactionManager();
    private final Map<ServiceName, AtomikosDataSourceBean> pools = new EnumMap<>(ServiceName.class);
    private final XaRecovery recovery;

    AtomikosEngine(PlacementContext context, AtomikosConfiguration configuration, JdbcDecorator protocolPoints) {
        this.configuration = configuration;
        this.service = configuration.start();
        transactionManager.setStartupTransactionService(false);
        transactionManager.setForceShutdown(false);
        try {
            transactionManager.init();
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException("cannot start the Atomikos transaction manager: " + e.getMessage(), e);
        }
        Map<ServiceName, XADataSource> participants = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            XADataSource xa = protocolPoints.decorate(service, context.stores().xaDataSource(service));
            participants.put(service, xa);
            pools.put(service, pool(service, xa, context.concurrency()));
        }
        this.recovery = new XaRecovery(configuration.identity().node(), participants,
                Duration.ofMillis(configuration.presumedAbortMillis()),
                () -> Configuration.getRecoveryService().performRecovery());
    }

    /**
     * Atomikos 6 checks every connection it lends ({@code isValid}: a round trip, counted as a
     * connection check); the isolation is the database URL's, set once per connection, not set again
     * at each loan ({@code setDefaultIsolationLevel} costs a round trip per branch).
     */
    private AtomikosDataSourceBean pool(ServiceName service, XADataSource xa, int concurrency) {
        AtomikosDataSourceBean bean = new AtomikosDataSourceBean();
        bean.setUniqueResourceName(configuration.identity().node() + service.id());
        bean.setXaDataSource(xa);
        bean.setMinPoolSize(1);
        bean.setMaxPoolSize(XaEngine.poolSize(concurrency));
        bean.setBorrowConnectionTimeout(BORROW_TIMEOUT_SECONDS);
        try {
            bean.init();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the XA pool of " + service.id() + ": " + e.getMessage(), e);
        }
        return bean;
    }

    @Override
    public TransactionManager transactionManager() {
        return transactionManager;
    }

    @Override
    public DataSource dataSource(ServiceName service) {
        return pools.get(service);
    }

    @Override
    public void recoverNow() {
        recovery.resolveInDoubt();
    }

    @Override
    public TmIdentity identity() {
        return configuration.identity();
    }

    @Override
    public String describe() {
        return "Atomikos " + AtomikosVersion.VERSION + ", node " + configuration.identity().node() + ", "
                + configuration.logDescription() + ", presumed abort (max_timeout) after "
                + configuration.presumedAbortMillis() / 1000 + " s";
    }

    @Override
    public void close() {
        pools.values().forEach(AtomikosDataSourceBean::close);
        transactionManager.close();
        service.shutdown(true);
    }
}
