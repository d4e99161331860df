package dev.txlab.report;

/**
 * One primitive measured alone before a comparison ({@code txlab calibrate}): what it is, on which
 * store or broker, operations per second and the whole machine's CPU per operation, each as mean
 * and sample standard deviation over {@code windows} timed windows; or why it was not measured.
 */
public record PrimitiveCost(String primitive, String on, double operationsPerSecond, double operationsPerSecondSd,
                            double cpuMicros, double cpuMicrosSd, int windows, String notMeasured) {
}
