package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.AppendListener;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each appended event's commit returned: the start of its read-model lag. It hears of the
 * appends (an {@link AppendListener}, on the appending thread) and sees the orders database's commits
 * at the decorator point (a {@link JdbcInterceptor}): a local commit, or the orders branch's XA
 * commit, returning on the thread that appended stamps what that thread appended since its last
 * commit or rollback. An event the projector applied before its commit call returned (a commit is
 * visible to others a moment before it returns) has a lag of 0. Events committed elsewhere (by a
 * recovery after a crash) are never stamped; their lag is not measured.
 */
public final class CommitStamps implements JdbcInterceptor, AppendListener {
    private final ThreadLocal<List<OrderEvent>> uncommitted = ThreadLocal.withInitial(ArrayList::new);
    /** What an event appended, not yet committed (or its commit not yet returned), is stamped with. */
    private static final long PENDING = Long.MIN_VALUE;

    private final ConcurrentHashMap<String, Long> committedAtNanos = new ConcurrentHashMap<>();
    private volatile Runnable onCommit = () -> { };

    /** Calls {@code listener} after every commit that stamped some events (to wake the projector). */
    public void onCommit(Runnable listener) {
        onCommit = listener;
    }

    @Override
    public void appended(List<OrderEvent> events) {
        events.forEach(event -> committedAtNanos.put(key(event), PENDING));
        uncommitted.get().addAll(events);
    }

    @Override
    public void afterRoundTrip(ServiceName service, RoundTrip kind, long elapsedNanos) {
        if (service != ServiceName.ORDERS) {
            return;
        }
        List<OrderEvent> events = uncommitted.get();
        if (events.isEmpty()) {
            return;
        }
        if (kind == RoundTrip.COMMIT || kind == RoundTrip.XA_COMMIT) {
            long now = System.nanoTime();
            events.forEach(event -> committedAtNanos.computeIfPresent(key(event), (key, pending) -> now));
            events.clear();
            onCommit.run();
        } else if (kind == RoundTrip.ROLLBACK || kind == RoundTrip.XA_ROLLBACK) {
            events.forEach(event -> committedAtNanos.remove(key(event)));
            events.clear();
        }
    }

    /**
     * The event's lag if it became visible at {@code visibleAtNanos} ({@link System#nanoTime}): from its
     * commit's return, or 0 when that has not returned yet; empty when it was not stamped. Once per event.
     */
    OptionalLong lag(OrderEvent event, long visibleAtNanos) {
        Long stamp = committedAtNanos.remove(key(event));
        if (stamp == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(stamp == PENDING ? 0 : Math.max(0, visibleAtNanos - stamp));
    }

    private static String key(OrderEvent event) {
        return event.orderId() + "/" + event.version();
    }
}
