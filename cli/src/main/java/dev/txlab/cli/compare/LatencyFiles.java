package dev.txlab.cli.compare;

import dev.txlab.load.LoadResult;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an open-loop phase's outcome latencies beside the results, for HdrHistogram's own tools:
 * the percentile distribution ({@code .hgrm}, milliseconds) and the interval log, one interval per
 * second of the phase ({@code .hlog}, nanoseconds), named {@code <implementation>-<network>-<load>}.
 */
public final class LatencyFiles {
    /** The folder under the report directory that holds them. */
    public static final String FOLDER = "histograms";

    private final Path directory;

    public LatencyFiles(Path reportDirectory) {
        this.directory = reportDirectory.resolve(FOLDER);
    }

    void write(String implementation, String network, String load, LoadResult result) {
        String name = baseName(implementation, network, load);
        try {
            Files.createDirectories(directory);
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(directory.resolve(name + ".hgrm")), false,
                    StandardCharsets.UTF_8);
                 PrintStream hlog = new PrintStream(Files.newOutputStream(directory.resolve(name + ".hlog")), false,
                         StandardCharsets.UTF_8)) {
                result.outcome().writePercentiles(hgrm);
                result.overTime().writeLog(hlog);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency histograms of " + name + " to " + directory, e);
        }
    }

    /** e.g. "saga-orch-none-common-load", "xa-narayana-lan-70-pct-of-own-max". */
    public static String baseName(String implementation, String network, String load) {
        String slug = load.toLowerCase(Locale.ROOT).replace("%", "pct").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return implementation + "-" + network + "-" + slug;
    }
}
