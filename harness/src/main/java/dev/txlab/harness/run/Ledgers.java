package dev.txlab.harness.run;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        return config.runDir().resolve(PREFIX + ordersKey(config) + SUFFIX);
    }

    /** The orders database's kind and, for a server, its host and port: {@code h2-file}, {@code postgres-127.0.0.1-5432}. */
    static String ordersKey(StoreConfig config) {
        DatabaseLocation orders = config.location(ServiceName.ORDERS);
        String server = "";
        if (orders.kind().isServer()) {
            Matcher hostAndPort = HOST_AND_PORT.matcher(orders.jdbcUrl());
            server = hostAndPort.find() ? "-" + hostAndPort.group(1).replaceAll("[^A-Za-z0-9.]", "-") : "";
        }
        return orders.kind().id() + server.toLowerCase(Locale.ROOT);
    }

    /**
     * What the run's own ledger says it acknowledged, checked against the run record: the ledger must
     * belong to the run, and a run that ended must find it as it sealed it (that many ids, that
     * SHA-256). A missing, emptied, truncated or changed ledger makes I0 uncheckable (a violation
     * saying so, and no id checked, so no false loss is reported); a ledger of another run where the
     * flags point is refused. {@code expected} is the seal to hold it to: the record's, or a running
     * run's own.
     */
    public static LedgerCheck acknowledged(StoreConfig config, RunRecord record, Optional<Ledger.Seal> expected) {
        Path path = path(config);
        if (!record.setupComplete() && !Files.exists(path)) {
            return new LedgerCheck(Set.of(), List.of(), List.of());
        }
        if (!Files.exists(path)) {
            return uncheckable(path, "no ledger of run " + describe(record, config) + " at " + path
                    + otherLedgers(config));
        }
        String owner = Ledger.runId(path).orElse("(a ledger that names no run)");
        if (!owner.equals(record.runId())) {
            throw new IllegalArgumentException("the ledger " + path + " belongs to run " + owner + ", not to run "
                    + describe(record, config) + ", so it cannot tell which orders that run acknowledged; was the "
                    + "run given another --data-dir?");
        }
        Ledger.Contents contents = Ledger.read(path);
        List<String> notes = new ArrayList<>();
        contents.tornLine().ifPresent(torn -> notes.add("the ledger's last line was cut by a crash ("
                + Violation.quoted(torn) + "): that acknowledgement was never complete, so it is not counted"));
        if (expected.isEmpty()) {
            notes.add("run " + record.runId() + " did not end (killed, or still going), so its ledger was not sealed: "
                    + "its " + contents.idLines() + " ids are checked as found");
            return new LedgerCheck(contents.ids(), List.of(), notes);
        }
        Ledger.Seal seal = expected.get();
        if (contents.idLines() != seal.acknowledged() || !contents.sha256().equals(seal.sha256())) {
            return uncheckable(path, "the ledger " + path + " holds " + contents.idLines() + " ids, but run "
                    + record.runId() + " acknowledged " + seal.acknowledged() + (contents.idLines() == seal.acknowledged()
                    ? " and its ledger's SHA-256 differs" : "") + ": it was emptied, truncated or changed since");
        }
        return new LedgerCheck(contents.ids(), List.of(), notes);
    }

    /**
     * A run's acknowledged ids as its ledger gives them, what makes I0 uncheckable (violations), and
     * what the reader should know (a torn last line, an unsealed ledger).
     */
    public record LedgerCheck(Set<String> ids, List<Violation> problems, List<String> notes) {
        public LedgerCheck {
            ids = Set.copyOf(ids);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }
    }

    private static LedgerCheck uncheckable(Path path, String why) {
        return new LedgerCheck(Set.of(), List.of(new Violation(Invariant.I0_NOTHING_LOST, "ledger",
                "I0 cannot be checked: " + why)), List.of());
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
