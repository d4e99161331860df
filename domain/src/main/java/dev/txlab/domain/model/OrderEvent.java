package dev.txlab.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One event of an order's stream: its version (1, 2, ... with no gap), what the orders service
 * decided, and the payload in a line of text: {@code customer=C;lines=SKU*QTY*PRICE,...} for
 * CREATED, {@code reason=R} for REJECTED, empty for APPROVED.
 */
public record OrderEvent(String orderId, int version, Type type, String payload, long committedAtMs) {
    /** What the orders service decided. */
    public enum Type {
        CREATED, APPROVED, REJECTED
    }

    public OrderEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static OrderEvent created(OrderRequest order, int version, long nowMs) {
        String lines = order.lines().stream().map(l -> l.sku() + "*" + l.quantity() + "*" + l.unitPriceCents())
                .collect(Collectors.joining(","));
        return new OrderEvent(order.orderId(), version, Type.CREATED, "customer=" + order.customerId() + ";lines="
                + lines, nowMs);
    }

    public static OrderEvent approved(String orderId, int version, long nowMs) {
        return new OrderEvent(orderId, version, Type.APPROVED, "", nowMs);
    }

    public static OrderEvent rejected(String orderId, int version, RejectionReason reason, long nowMs) {
        return new OrderEvent(orderId, version, Type.REJECTED, "reason=" + reason.name(), nowMs);
    }

    /** The order a CREATED event records; a payload that does not parse is a {@link MalformedEvent}. */
    public OrderRequest order() {
        String[] parts = payload.split(";", -1);
        if (type != Type.CREATED || parts.length != 2 || !parts[0].startsWith("customer=")
                || !parts[1].startsWith("lines=")) {
            throw malformed("expected customer=C;lines=SKU*QTY*PRICE,...");
        }
        List<OrderLine> lines = new ArrayList<>();
        try {
            for (String line : parts[1].substring("lines=".length()).split(",")) {
                String[] fields = line.split("\\*");
                if (fields.length != 3) {
                    throw malformed("a line is not SKU*QTY*PRICE: '" + line + "'");
                }
                lines.add(new OrderLine(fields[0], Long.parseLong(fields[1]), Long.parseLong(fields[2])));
            }
            return new OrderRequest(orderId, parts[0].substring("customer=".length()), lines);
        } catch (IllegalArgumentException e) { // a number that does not parse, a line the order refuses
            throw malformed(e.getMessage());
        }
    }

    /** The reason a REJECTED event records. */
    public RejectionReason reason() {
        if (type != Type.REJECTED || !payload.startsWith("reason=")) {
            throw malformed("expected reason=R");
        }
        try {
            return RejectionReason.valueOf(payload.substring("reason=".length()));
        } catch (IllegalArgumentException e) {
            throw malformed("unknown reason '" + payload.substring("reason=".length()) + "'");
        }
    }

    private MalformedEvent malformed(String why) {
        return new MalformedEvent(orderId, version, type + " payload '" + payload + "': " + why);
    }

    /** An event that cannot be read back: named by stream and version, never silently skipped. */
    public static final class MalformedEvent extends IllegalStateException {
        public MalformedEvent(String orderId, int version, String why) {
            super("order " + orderId + ", event version " + version + ": " + why);
        }
    }
}
