package dev.txlab.harness.store.internal;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Works around a lost update in H2 file databases: with {@code WRITE_DELAY=0} (needed so a halted
 * JVM keeps its commits), a rollback running while other transactions commit can write back a row
 * value those transactions had changed (seen with H2 2.3.232, 2.4.240 and 2.5.252: about one run in
 * four of 4 threads x 5,000 transactions on one hot row lost updates; none with this guard in 32).
 * The guard lets commits run together but makes each rollback wait for them and run alone, per
 * database. It sits at the store decorator point, so local and XA transactions are both covered;
 * an XA prepare, which writes the branch's changes like a commit, counts as one (one XA run on H2
 * lost a stock decrement with prepares unguarded).
 */
public final class H2RollbackGuard implements JdbcInterceptor {
    private final Map<ServiceName, ReadWriteLock> locks;

    /** One lock per physical database: services that share a database share its lock. */
    public H2RollbackGuard(Map<ServiceName, String> databaseOfService) {
        Map<String, ReadWriteLock> byDatabase = new HashMap<>();
        this.locks = new EnumMap<>(ServiceName.class);
        databaseOfService.forEach((service, database) ->
                locks.put(service, byDatabase.computeIfAbsent(database, name -> new ReentrantReadWriteLock())));
    }

    @Override
    public void beforeRoundTrip(ServiceName service, RoundTrip kind) {
        ReadWriteLock lock = locks.get(service);
        if (lock == null) {
            return;
        }
        switch (kind) {
            case COMMIT, XA_PREPARE, XA_COMMIT -> lock.readLock().lock();
            case ROLLBACK, XA_ROLLBACK -> lock.writeLock().lock();
            default -> { }
        }
    }

    @Override
    public void afterRoundTrip(ServiceName service, RoundTrip kind, long elapsedNanos) {
        ReadWriteLock lock = locks.get(service);
        if (lock == null) {
            return;
        }
        switch (kind) {
            case COMMIT, XA_PREPARE, XA_COMMIT -> lock.readLock().unlock();
            case ROLLBACK, XA_ROLLBACK -> lock.writeLock().unlock();
            default -> { }
        }
    }
}
