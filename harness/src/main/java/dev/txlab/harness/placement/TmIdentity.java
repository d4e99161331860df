package dev.txlab.harness.placement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Who a transaction manager is across restarts: its node name and the folder of its log. The node
 * name derives from the database prefix, so {@code run}, {@code recover} and the reset of a prefix
 * all recognise the XA branches that are txlab's own on a shared server (it is part of every
 * global transaction id both TMs write).
 */
public record TmIdentity(String node, Path logDir) {
    /** Narayana allows at most 28 bytes of node identifier. */
    public static final int MAX_NODE_LENGTH = 28;

    /**
     * The node name of a prefix: {@code txlab-<prefix>.}, shortened with a hash when too long. The
     * final dot keeps one prefix's name from being found inside another's ({@code t_a.} in {@code t_ab.}).
     */
    public static String nodeFor(String prefix) {
        String node = "txlab-" + prefix + ".";
        if (node.length() <= MAX_NODE_LENGTH) {
            return node;
        }
        return node.substring(0, MAX_NODE_LENGTH - 10) + "-" + String.format("%08x", prefix.hashCode()) + ".";
    }

    /** True when a global transaction id carries this node name. */
    public static boolean belongsTo(byte[] globalTransactionId, String node) {
        String id = new String(globalTransactionId, StandardCharsets.ISO_8859_1);
        return id.contains(node);
    }
}
