package dev.txlab.cli;

import dev.txlab.cli.compare.NetworkAchieved;
import dev.txlab.domain.model.AccountsModel;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.run.AccountTally;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.store.BytesWritten;
import dev.txlab.harness.store.spi.RoundTrip;
import dev.txlab.load.LatencyStats;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints a run's figures: each says what it is, its unit, over how many orders and runs, and its spread. */
final class RunPrinter {
    private final PrintStream out;
    private final String loop;
    private final MessageCounts messagesBefore;

    /**
     * A printer for a run driven by {@code loop}, e.g. "closed loop" or "open loop at 300.0 orders/s
     * offered", whose orders' messages are those counted after {@code messagesBefore} (a warm-up's).
     */
    RunPrinter(PrintStream out, String loop, MessageCounts messagesBefore) {
        this.out = out;
        this.loop = loop;
        this.messagesBefore = messagesBefore;
    }

    void print(Run run, RunResult result, BytesWritten.Reading written, LatencyStats outcomeLatency,
               LatencyStats ackLatency, AuditReport audit, int shownViolations) {
        out.printf(Locale.ROOT, "throughput: %.1f orders/s (%d orders reached an outcome in %.2f s; 1 run, "
                        + "%s, so no spread across runs)%n",
                result.throughputPerSecond(), result.completed(), result.elapsed().toNanos() / 1e9, loop);
        out.println(outcomeLatency.describe());
        out.println(ackLatency.describe());
        out.println("outcomes (orders): " + outcomes(result.outcomeCounts())
                + "; failed submits " + result.failedSubmits() + "; unfinished " + result.unfinished());
        out.println(costs(result.costs(), result.completed()));
        out.println(written.describePerOrder(result.completed()));
        run.readModelLag().ifPresent(lag -> out.println(lag.summary().describe()));
        if (run.options().accounts().model() == AccountsModel.EVENT_SOURCED) {
            out.println(accounts(run.accounts(), result.completed()));
        }
        run.placement().messageCounts().ifPresent(counts -> out.println(messages(counts.minus(messagesBefore),
                result.completed())));
        NetworkAchieved.perHop(run).forEach(hop -> out.println("network delay per " + hop));
        NetworkAchieved.invalidity(run).ifPresent(why -> out.println("WARNING: figures " + why));
        out.printf(Locale.ROOT, "termination bound (I5): %.1f s (%s)%n",
                run.placement().terminationBound().toMillis() / 1000.0, run.placement().terminationBoundExplained());
        out.println("audit (" + audit.orders() + " orders, " + audit.acknowledged() + " acknowledged): "
                + verdict(audit.describe(shownViolations),
                run.placement().messageCounts().map(MessageCounts::backgroundFailures).orElse(0L)));
    }

    /** The audit's verdict, its first line saying when background threads failed during the run. */
    private static String verdict(String described, long backgroundFailures) {
        if (backgroundFailures == 0) {
            return described;
        }
        String note = " (" + backgroundFailures + " background failures during the run, each carried on from: see "
                + "the run's log)";
        int firstLineEnd = described.indexOf(System.lineSeparator());
        return firstLineEnd < 0 ? described + note
                : described.substring(0, firstLineEnd) + note + described.substring(firstLineEnd);
    }

    static String outcomes(Map<String, Long> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String costs(CostCounters.Costs costs, int orders) {
        if (orders == 0) {
            return "cost per order: no orders";
        }
        return String.format(Locale.ROOT, "cost per order (mean over %d orders, counted at the JDBC decorator): "
                        + "round trips %.2f, statements %.2f, commits %.2f, rollbacks %.2f, connection checks %.2f, "
                        + "XA prepares %.2f, XA commits %.2f",
                orders, perOrder(costs.roundTrips(), orders), perOrder(costs.count(RoundTrip.STATEMENT), orders),
                perOrder(costs.count(RoundTrip.COMMIT), orders), perOrder(costs.count(RoundTrip.ROLLBACK), orders),
                perOrder(costs.count(RoundTrip.CONNECTION_CHECK), orders),
                perOrder(costs.count(RoundTrip.XA_PREPARE), orders), perOrder(costs.count(RoundTrip.XA_COMMIT), orders));
    }

    private static String messages(MessageCounts counts, int orders) {
        if (orders == 0) {
            return "messages: no orders";
        }
        return String.format(Locale.ROOT, "messages per order (mean over %d orders, counted at the transport "
                        + "decorator): published %.2f, delivered %.2f; in all: redelivered %d, failed deliveries %d, "
                        + "duplicates skipped %d, dead-lettered %d, held back by a fault %d, late actions without "
                        + "effect %d, background failures %d; consumer transactions %.2f per order, deliveries per "
                        + "transaction mean %.2f, largest %d",
                orders, perOrder(counts.published(), orders), perOrder(counts.delivered(), orders),
                counts.redelivered(), counts.failedDeliveries(), counts.duplicatesSkipped(), counts.deadLettered(),
                counts.heldBack(), counts.lateActions(), counts.backgroundFailures(),
                perOrder(counts.batches(), orders), counts.meanBatch(), counts.largestBatch());
    }

    private static double perOrder(long count, int orders) {
        return (double) count / orders;
    }

    /** The event-sourced accounts' version conflicts per 1,000 orders, and the snapshots they could not use. */
    static String accounts(AccountTally tally, long orders) {
        return String.format(Locale.ROOT, "account version conflicts (appends retried from the reload): %,d, %.1f per "
                        + "1,000 orders over %,d orders; snapshots not used (the whole stream replayed): %,d%s",
                tally.versionConflicts(), orders == 0 ? 0 : 1000.0 * tally.versionConflicts() / orders, orders,
                tally.snapshotsNotUsed(), tally.firstWarning().map(w -> " (first: " + w + ")").orElse(""));
    }
}
