package dev.txlab.xa.narayana;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.xa.XaEngine;
import dev.txlab.xa.XaRecovery;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.sql.XADataSource;

/** Narayana with one Agroal pool per participant and an in-process recovery manager. */
final class NarayanaEngine implements XaEngine {
    private static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(30);

    private final NarayanaConfiguration configuration;
    private final TransactionManager transactionManager;
    private final Map<ServiceName, XADataSource> participants = new EnumMap<>(ServiceName.class);
    private final Map<ServiceName, AgroalDataSource> pools = new EnumMap<>(ServiceName.class);
    private final List<String> registrations = new ArrayList<>();
    private final ParticipantsRecoveryHelper recoveryHelper;
    private final RecoveryManager recoveryManager;
    private final XaRecovery recovery;

    NarayanaEngine(PlacementContext context, NarayanaConfiguration configuration, JdbcDecorator protocolPoints) {
        this.configuration = configuration;
        configuration.applyOnce();
        this.transactionManager = com.arjuna.ats.jta.TransactionManager.transactionManager();
        TransactionSynchronizationRegistry registry = new TransactionSynchronizationRegistryImple();
        for (ServiceName service : ServiceName.values()) {
            XADataSource xa = protocolPoints.decorate(service, context.stores().xaDataSource(service));
            participants.put(service, xa);
            pools.put(service, pool(service, xa, registry, context.concurrency()));
        }
        this.recoveryHelper = new ParticipantsRecoveryHelper(participants);
        this.recoveryManager = RecoveryManager.manager(RecoveryManager.DIRECT_MANAGEMENT);
        recoveryManager.initialize();
        XARecoveryModule.getRegisteredXARecoveryModule().addXAResourceRecoveryHelper(recoveryHelper);
        this.recovery = new XaRecovery(configuration.identity().node(), participants,
                Duration.ofMillis(configuration.presumedAbortMillis()), recoveryManager::scan);
    }

    private AgroalDataSource pool(ServiceName service, XADataSource xa, TransactionSynchronizationRegistry registry,
                                  int concurrency) {
        String registration = RegisteredXaDataSource.register(xa);
        registrations.add(registration);
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool
                        .maxSize(XaEngine.poolSize(concurrency))
                        .minSize(0)
                        .initialSize(0)
                        .acquisitionTimeout(ACQUISITION_TIMEOUT)
                        .transactionIntegration(new NarayanaTransactionIntegration(transactionManager, registry,
                                ParticipantEisNames.jndiName(service)))
                        .connectionFactoryConfiguration(factory -> factory
                                .connectionProviderClass(RegisteredXaDataSource.class)
                                .jdbcProperty("registration", registration)
                                .jdbcTransactionIsolation(
                                        AgroalConnectionFactoryConfiguration.TransactionIsolation.READ_COMMITTED)));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the XA pool of " + service.id() + ": " + e.getMessage(), e);
        }
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
    public List<String> unreadableLogRecords() {
        return UnreadableRecords.find(configuration.identity().logDir());
    }

    @Override
    public TmIdentity identity() {
        return configuration.identity();
    }

    @Override
    public String describe() {
        return "Narayana (build " + arjPropertyManager.getCoreEnvironmentBean().getBuildVersion() + "), node "
                + configuration.identity().node() + ", " + configuration.storeDescription()
                + ", presumed abort after " + configuration.presumedAbortMillis() / 1000 + " s";
    }

    @Override
    public void close() {
        pools.values().forEach(AgroalDataSource::close);
        XARecoveryModule.getRegisteredXARecoveryModule().removeXAResourceRecoveryHelper(recoveryHelper);
        recoveryHelper.closeOpen();
        registrations.forEach(RegisteredXaDataSource::unregister);
    }
}
