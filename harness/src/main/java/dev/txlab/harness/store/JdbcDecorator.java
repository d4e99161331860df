package dev.txlab.harness.store;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.internal.DecoratingProxies;
import dev.txlab.harness.store.spi.InjectedFailure;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * The one decorator point of the stores: every Connection, XAConnection and XAResource handed out
 * for a service passes through here, and every round trip on them is reported to the interceptors,
 * in order, on the calling thread.
 */
public final class JdbcDecorator {
    private static final JdbcDecorator NONE = new JdbcDecorator(List.of());

    private final List<JdbcInterceptor> interceptors;

    private JdbcDecorator(List<JdbcInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
    }

    public static JdbcDecorator of(JdbcInterceptor... interceptors) {
        return interceptors.length == 0 ? NONE : new JdbcDecorator(List.of(interceptors));
    }

    public static JdbcDecorator of(List<JdbcInterceptor> interceptors) {
        return interceptors.isEmpty() ? NONE : new JdbcDecorator(interceptors);
    }

    /** This decorator with one more interceptor, called after the others before a round trip. */
    public JdbcDecorator with(JdbcInterceptor interceptor) {
        List<JdbcInterceptor> all = new ArrayList<>(interceptors);
        all.add(interceptor);
        return new JdbcDecorator(all);
    }

    /** A decorated connection whose JDBC batches count as one round trip (see {@link StoreKind#sendsBatchAsOneRequest}). */
    public Connection decorate(ServiceName service, Connection connection) {
        return DecoratingProxies.connection(this, service, connection, true);
    }

    /** A data source of a database of {@code kind}: a JDBC batch counts as the round trips its driver makes. */
    public DataSource decorate(ServiceName service, DataSource dataSource, StoreKind kind) {
        return DecoratingProxies.dataSource(this, service, dataSource, kind.sendsBatchAsOneRequest());
    }

    /** An XA data source of a database of {@code kind}: a JDBC batch counts as the round trips its driver makes. */
    public XADataSource decorate(ServiceName service, XADataSource dataSource, StoreKind kind) {
        return DecoratingProxies.xaDataSource(this, service, dataSource, kind.sendsBatchAsOneRequest());
    }

    /** An XA data source decorated once more (its round trips were counted by the store's decorator). */
    public XADataSource decorate(ServiceName service, XADataSource dataSource) {
        return DecoratingProxies.xaDataSource(this, service, dataSource, true);
    }

    public XAConnection decorate(ServiceName service, XAConnection connection) {
        return DecoratingProxies.xaConnection(this, service, connection, true);
    }

    public XAResource decorate(ServiceName service, XAResource resource) {
        return DecoratingProxies.xaResource(this, service, resource);
    }

    /** Runs one round trip, reporting it to every interceptor before and after. */
    public <T, E extends Throwable> T roundTrip(ServiceName service, RoundTrip kind, Call<T, E> call) throws E {
        for (JdbcInterceptor interceptor : interceptors) {
            interceptor.beforeRoundTrip(service, kind);
        }
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            long elapsed = System.nanoTime() - start;
            for (JdbcInterceptor interceptor : interceptors) {
                interceptor.afterRoundTrip(service, kind, elapsed);
            }
        }
    }

    /**
     * Reports {@code count} more round trips of {@code kind} that one call made beside the one
     * {@link #roundTrip} reported (the statements of a JDBC batch that its driver sends one by one),
     * each as if it had taken no time of its own.
     */
    public void moreRoundTrips(ServiceName service, RoundTrip kind, int count) {
        for (int i = 0; i < count; i++) {
            for (JdbcInterceptor interceptor : interceptors) {
                interceptor.beforeRoundTrip(service, kind);
            }
            for (JdbcInterceptor interceptor : interceptors) {
                interceptor.afterRoundTrip(service, kind, 0);
            }
        }
    }

    /** The first injected failure an interceptor asks for instead of this round trip, if any. */
    public Optional<InjectedFailure> failureInstead(ServiceName service, RoundTrip kind) {
        for (JdbcInterceptor interceptor : interceptors) {
            Optional<InjectedFailure> failure = interceptor.failureInstead(service, kind);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    /** A call that may throw the checked exception of its API. */
    @FunctionalInterface
    public interface Call<T, E extends Throwable> {
        T call() throws E;
    }
}
