package dev.txlab.cli.compare;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.harness.run.Run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The simulated network's requested delays beside the achieved means, and whether they held. */
public final class NetworkAchieved {
    private NetworkAchieved() {
    }

    /** The requested and achieved delays of each kind of hop, in one line; "none" without a network. */
    static String describe(Run run) {
        return run.options().network().isNone() ? "none" : String.join("; ", perHop(run));
    }

    /** Each kind of hop's requested and achieved delay; empty without a network. */
    public static List<String> perHop(Run run) {
        return hops(run).stream().map(Hop::describe).toList();
    }

    /**
     * Why the run's figures do not hold at its network, when an achieved mean is more than 1.2 x
     * the requested delay (the network charged more than it says, so the comparison would be unfair).
     */
    public static Optional<String> invalidity(Run run) {
        List<String> tooLong = hops(run).stream().filter(hop -> hop.achieved().tooLongFor(hop.requested()))
                .map(Hop::describe).toList();
        return tooLong.isEmpty() ? Optional.empty() : Optional.of("not valid at network " + run.options().network()
                .name() + ": an achieved delay is more than 1.2 x the requested (" + String.join("; ", tooLong) + ")");
    }

    private record Hop(String where, Duration requested, SimulatedDelay.Achieved achieved) {
        String describe() {
            return String.format(Locale.ROOT, "%s requested %.1f us, achieved mean %.1f us (n=%d)", where,
                    requested.toNanos() / 1000.0, achieved.meanMicros(), achieved.count());
        }
    }

    private static List<Hop> hops(Run run) {
        NetworkProfile network = run.options().network();
        List<Hop> hops = new ArrayList<>();
        if (!network.isNone()) {
            hops.add(new Hop("JDBC round trip", network.oneWay().multipliedBy(2), run.jdbcNetworkDelay()));
            run.placement().messageHopDelay()
                    .ifPresent(achieved -> hops.add(new Hop("message hop", network.oneWay(), achieved)));
        }
        return hops;
    }
}
