package dev.txlab.cli.compare;

import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.harness.run.Run;

import java.time.Duration;
import java.util.Locale;

/** The simulated network's requested delays beside the achieved means, in one line. */
final class NetworkAchieved {
    private NetworkAchieved() {
    }

    static String describe(Run run) {
        NetworkProfile network = run.options().network();
        if (network.isNone()) {
            return "none";
        }
        String line = part("JDBC round trip", network.oneWay().multipliedBy(2), run.jdbcNetworkDelay());
        return run.placement().messageHopDelay()
                .map(hop -> line + "; " + part("message hop", network.oneWay(), hop))
                .orElse(line);
    }

    private static String part(String where, Duration requested, SimulatedDelay.Achieved achieved) {
        return String.format(Locale.ROOT, "%s requested %.1f us, achieved mean %.1f us (n=%d)", where,
                requested.toNanos() / 1000.0, achieved.meanMicros(), achieved.count());
    }
}
