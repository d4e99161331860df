package dev.txlab.domain.run;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.DatabaseLocation;
import dev.txlab.domain.store.StoreConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where runs keep their ledgers, and the one way to read the ledger of a given run. The prefix's
 * folder holds one ledger per orders database ({@code ledger-<kind>[-<host>-<port>].txt}): a run on
 * PostgreSQL and a run on H2 files under the same prefix and data folder keep theirs apart, and a
 * fresh run on the same databases replaces the ledger of the run it replaces. The ledger's first
 * line names its run, so the audit never reads another run's ledger as this run's.
 */
public final class Ledgers {
    private static final String PREFIX = "ledger-";
    private static final String SUFFIX = ".txt";
    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/?;]+)");

    private Ledgers() {
    }

    /** The ledger of the runs whose orders database the configuration names. */
    public static Path path(StoreConfig config) {
        DatabaseLocation orders = config.location(ServiceName.ORDERS);
        String server = "";
        if (orders.kind().isServer()) {
            Matcher hostAndPort = HOST_AND_PORT.matcher(orders.jdbcUrl());
            server = hostAndPort.find() ? "-" + hostAndPort.group(1).replaceAll("[^A-Za-z0-9.]", "-") : "";
        }
        return config.runDir().resolve(PREFIX + orders.kind().id() + server.toLowerCase(Locale.ROOT) + SUFFIX);
    }

    /**
     * The ids the run acknowledged, from its own ledger. A run whose setup did not complete
     * acknowledged nothing. Refuses (naming what it found) when the ledger is missing or belongs to
     * another run: an audit against the wrong ledger would report losses that never happened, or
     * miss real ones.
     */
    public static Set<String> acknowledged(StoreConfig config, RunRecord record) {
        Path path = path(config);
        if (!Files.exists(path)) {
            if (!record.setupComplete()) {
                return Set.of();
            }
            throw new IllegalArgumentException("no ledger of run " + describe(record, config) + " at " + path
                    + otherLedgers(config) + "; pass the --store, --db-prefix and --data-dir the run used");
        }
        String owner = Ledger.runId(path).orElse("(a ledger that names no run)");
        if (!owner.equals(record.runId())) {
            throw new IllegalArgumentException("the ledger " + path + " belongs to run " + owner + ", not to run "
                    + describe(record, config) + ", so it cannot tell which orders that run acknowledged; was the "
                    + "run given another --data-dir?");
        }
        return Ledger.read(path);
    }

    private static String describe(RunRecord record, StoreConfig config) {
        return record.runId() + " (" + record.implementation() + " in " + config.location(ServiceName.ORDERS).describe()
                + ", started " + record.startedAt() + ")";
    }

    /** The ledgers of other runs in the prefix's folder, said in one clause; empty when there are none. */
    private static String otherLedgers(StoreConfig config) {
        if (!Files.isDirectory(config.runDir())) {
            return "";
        }
        try (Stream<Path> files = Files.list(config.runDir())) {
            List<String> others = files.filter(Ledgers::isLedger).sorted()
                    .map(other -> other.getFileName() + " of run " + Ledger.runId(other).orElse("(unnamed)"))
                    .toList();
            return others.isEmpty() ? "" : " (the folder holds only other runs' ledgers: "
                    + others.stream().collect(Collectors.joining(", ")) + ")";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + config.runDir(), e);
        }
    }

    private static boolean isLedger(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) || name.equals("ledger" + SUFFIX);
    }
}
