package dev.txlab.cli.calibrate;

import dev.txlab.cli.compare.Spread;

import java.util.List;
import java.util.Optional;

/**
 * One primitive measured on one store or broker: its timed windows (after a warm-up of at least 2 s), or why
 * it was not measured. CPU is the whole machine's, less what the machine burns when txlab is idle.
 */
public record Measurement(Primitive primitive, String target, List<Window> windows, Optional<String> notMeasured) {

    /** One timed window: operations done, wall time, and machine busy time above idle (empty: not readable). */
    public record Window(long operations, long wallNanos, Optional<Long> busyNanosAboveIdle) {
        double operationsPerSecond() {
            return operations * 1e9 / wallNanos;
        }

        Optional<Double> cpuMicrosPerOperation() {
            return busyNanosAboveIdle.map(busy -> Math.max(0, busy) / 1e3 / operations);
        }
    }

    public static Measurement measured(Primitive primitive, String target, List<Window> windows) {
        return new Measurement(primitive, target, List.copyOf(windows), Optional.empty());
    }

    public static Measurement notMeasured(Primitive primitive, String target, String why) {
        return new Measurement(primitive, target, List.of(), Optional.of(why));
    }

    /** Operations per second: mean and sample standard deviation over the windows. */
    public Stat operationsPerSecond() {
        return Stat.of(windows.stream().map(Window::operationsPerSecond).toList());
    }

    /** Machine CPU microseconds per operation (all cores); empty when /proc/stat was not readable. */
    public Optional<Stat> cpuMicrosPerOperation() {
        List<Double> values = windows.stream().flatMap(w -> w.cpuMicrosPerOperation().stream()).toList();
        return values.isEmpty() || values.size() < windows.size() ? Optional.empty() : Optional.of(Stat.of(values));
    }

    /** A mean with its sample standard deviation and the number of windows it is over. */
    public record Stat(double mean, double stdDev, int n) {
        static Stat of(List<Double> values) {
            return new Stat(Spread.mean(values), Spread.stdDev(values), values.size());
        }
    }
}
