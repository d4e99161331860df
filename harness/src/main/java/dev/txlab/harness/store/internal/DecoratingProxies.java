package dev.txlab.harness.store.internal;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.spi.InjectedFailure;
import dev.txlab.harness.store.spi.RoundTrip;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;

/**
 * Dynamic proxies behind {@link JdbcDecorator}: they map JDBC and XA calls to round trips and hand
 * out decorated objects from decorated factories. No other class creates them.
 */
public final class DecoratingProxies {
    private static final Set<String> STATEMENT_EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeBatch", "executeLargeUpdate", "executeLargeBatch");
    private static final Set<String> BATCH_EXECUTIONS = Set.of("executeBatch", "executeLargeBatch");
    private static final Map<String, RoundTrip> XA_CALLS = Map.of("start", RoundTrip.XA_START,
            "end", RoundTrip.XA_END, "prepare", RoundTrip.XA_PREPARE, "commit", RoundTrip.XA_COMMIT,
            "rollback", RoundTrip.XA_ROLLBACK, "recover", RoundTrip.XA_RECOVER, "forget", RoundTrip.XA_FORGET);

    private DecoratingProxies() {
    }

    /**
     * A decorated connection; {@code batchAsOne}: whether its driver sends a JDBC batch as one request
     * (one round trip), else each statement of a batch is one.
     */
    public static Connection connection(JdbcDecorator decorator, ServiceName service, Connection target,
                                        boolean batchAsOne) {
        return proxy(Connection.class, target, (method, args) -> switch (method.getName()) {
            case "commit" -> roundTrip(decorator, service, RoundTrip.COMMIT, target, method, args, target);
            case "rollback" -> roundTrip(decorator, service, RoundTrip.ROLLBACK, target, method, args, target);
            case "isValid" -> roundTrip(decorator, service, RoundTrip.CONNECTION_CHECK, target, method, args, target);
            case "createStatement" -> statement(decorator, service, Statement.class,
                    (Statement) invoke(target, method, args), batchAsOne);
            case "prepareStatement" -> statement(decorator, service, PreparedStatement.class,
                    (PreparedStatement) invoke(target, method, args), batchAsOne);
            case "prepareCall" -> statement(decorator, service, CallableStatement.class,
                    (CallableStatement) invoke(target, method, args), batchAsOne);
            default -> invoke(target, method, args);
        });
    }

    public static DataSource dataSource(JdbcDecorator decorator, ServiceName service, DataSource target,
                                        boolean batchAsOne) {
        return proxy(DataSource.class, target, (method, args) -> method.getName().equals("getConnection")
                ? connection(decorator, service, (Connection) invoke(target, method, args), batchAsOne)
                : invoke(target, method, args));
    }

    public static XADataSource xaDataSource(JdbcDecorator decorator, ServiceName service, XADataSource target,
                                            boolean batchAsOne) {
        return proxy(XADataSource.class, target, (method, args) -> method.getName().equals("getXAConnection")
                ? xaConnection(decorator, service, (XAConnection) invoke(target, method, args), batchAsOne)
                : invoke(target, method, args));
    }

    public static XAConnection xaConnection(JdbcDecorator decorator, ServiceName service, XAConnection target,
                                            boolean batchAsOne) {
        return proxy(XAConnection.class, target, (method, args) -> switch (method.getName()) {
            case "getConnection" -> connection(decorator, service, (Connection) invoke(target, method, args),
                    batchAsOne);
            case "getXAResource" -> xaResource(decorator, service, (XAResource) invoke(target, method, args),
                    target::close);
            default -> invoke(target, method, args);
        });
    }

    public static XAResource xaResource(JdbcDecorator decorator, ServiceName service, XAResource target) {
        return xaResource(decorator, service, target, () -> {
        });
    }

    /** An XA resource whose connection, when a fault plan loses it, is {@code physical}. */
    private static XAResource xaResource(JdbcDecorator decorator, ServiceName service, XAResource target,
                                         AutoCloseable physical) {
        return proxy(XAResource.class, target, (method, args) -> {
            if (method.getName().equals("isSameRM")) {
                return target.isSameRM(unwrapResource((XAResource) args[0]));
            }
            RoundTrip kind = XA_CALLS.get(method.getName());
            return kind == null ? invoke(target, method, args)
                    : roundTrip(decorator, service, kind, target, method, args, physical);
        });
    }

    private static <S extends Statement> S statement(JdbcDecorator decorator, ServiceName service,
                                                     Class<S> type, S target, boolean batchAsOne) {
        return proxy(type, target, (method, args) -> {
            if (!STATEMENT_EXECUTIONS.contains(method.getName())) {
                return invoke(target, method, args);
            }
            Object result = roundTrip(decorator, service, RoundTrip.STATEMENT, target, method, args,
                    () -> target.getConnection().close());
            if (!batchAsOne && BATCH_EXECUTIONS.contains(method.getName())) {
                decorator.moreRoundTrips(service, RoundTrip.STATEMENT, statementsIn(result) - 1);
            }
            return result;
        });
    }

    /** How many statements a batch ran: one update count each. */
    private static int statementsIn(Object batchResult) {
        return batchResult instanceof long[] counts ? counts.length : ((int[]) batchResult).length;
    }

    /**
     * One round trip through the decorator, or the failure an interceptor injects instead of it
     * (closing {@code physical}, the database connection underneath, when the failure loses it).
     */
    private static Object roundTrip(JdbcDecorator decorator, ServiceName service, RoundTrip kind, Object target,
                                    Method method, Object[] args, AutoCloseable physical) throws Throwable {
        return decorator.roundTrip(service, kind, () -> {
            Optional<InjectedFailure> failure = decorator.failureInstead(service, kind);
            if (failure.isPresent()) {
                if (failure.get().connectionLost()) {
                    physical.close();
                }
                throw failure.get().exception();
            }
            return invoke(target, method, args);
        });
    }

    private static XAResource unwrapResource(XAResource resource) {
        if (Proxy.isProxyClass(resource.getClass())
                && Proxy.getInvocationHandler(resource) instanceof Handler handler) {
            return (XAResource) handler.target;
        }
        return resource;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Body body) {
        return (T) Proxy.newProxyInstance(DecoratingProxies.class.getClassLoader(), new Class<?>[] {type},
                new Handler(target, body));
    }

    @FunctionalInterface
    private interface Body {
        Object apply(Method method, Object[] args) throws Throwable;
    }

    private record Handler(Object target, Body body) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "decorated " + target;
                };
            }
            return body.apply(method, args);
        }
    }
}
