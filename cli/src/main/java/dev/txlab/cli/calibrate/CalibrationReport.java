package dev.txlab.cli.calibrate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints a calibration: one line per primitive (operations per second and machine CPU per operation,
 * each mean ± sd over n windows), then the costs derived from them: a commit alone and XA's two
 * phases alone (each less a keyed update, which its insert costs like), per store.
 */
public record CalibrationReport(List<Measurement> measurements, Optional<Double> idleCoreShare, int cores) {
    private static final String ROW = "%-36s %-9s %30s %34s%n";

    public void print(PrintStream out) {
        out.println(idleCoreShare.map(share -> String.format(Locale.ROOT,
                        "machine busy while txlab idles: %.1f %% of one core (servers, broker, OS; taken off every CPU "
                                + "figure); %d cores", share * 100, cores))
                .orElse("machine CPU: not measured (/proc/stat not readable)"));
        out.printf(ROW, "primitive", "on", "operations/s (mean ± sd, n)", "machine CPU µs/op (mean ± sd, n)");
        for (Measurement m : measurements) {
            if (m.notMeasured().isPresent()) {
                out.printf(ROW, m.primitive().label(), m.target(), "not measured: " + m.notMeasured().get(), "");
                continue;
            }
            out.printf(ROW, m.primitive().label(), m.target(), format(m.operationsPerSecond()),
                    m.cpuMicrosPerOperation().map(CalibrationReport::format).orElse("not measured"));
        }
        for (String target : measurements.stream().map(Measurement::target).distinct().toList()) {
            derived(target, Primitive.INSERT_COMMIT, "commit alone").ifPresent(out::println);
            derived(target, Primitive.XA_PREPARE_COMMIT, "XA start/end/prepare/commit alone").ifPresent(out::println);
        }
    }

    /** A primitive's CPU less a keyed update (its insert costs like one), on the same store. */
    Optional<String> derived(String target, Primitive primitive, String label) {
        Optional<Double> whole = cpu(target, primitive);
        Optional<Double> statement = cpu(target, Primitive.KEYED_UPDATE);
        if (whole.isEmpty() || statement.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s on %s: %.1f µs machine CPU (%s less a keyed update)", label,
                target, Math.max(0, whole.get() - statement.get()), primitive.label()));
    }

    private Optional<Double> cpu(String target, Primitive primitive) {
        return measurements.stream()
                .filter(m -> m.target().equals(target) && m.primitive() == primitive && m.notMeasured().isEmpty())
                .findFirst()
                .flatMap(Measurement::cpuMicrosPerOperation)
                .map(Measurement.Stat::mean);
    }

    private static String format(Measurement.Stat stat) {
        return String.format(Locale.ROOT, "%.1f ± %.1f (n=%d)", stat.mean(), stat.stdDev(), stat.n());
    }
}
