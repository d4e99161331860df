package dev.txlab.domain.placement;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The stable ids of the implementations compared by txlab. */
public enum ImplementationId {
    LOCAL_BASELINE("local-baseline"),
    XA_NARAYANA("xa-narayana"),
    XA_ATOMIKOS("xa-atomikos"),
    SAGA_CHOREO("saga-choreo"),
    SAGA_ORCH("saga-orch");

    private final String id;

    ImplementationId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ImplementationId parse(String text) {
        for (ImplementationId implementation : values()) {
            if (implementation.id.equals(text.trim())) {
                return implementation;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ImplementationId::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
