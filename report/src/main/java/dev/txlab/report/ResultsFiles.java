package dev.txlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.FaultMatrixFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes the report's files: {@code results.json} (the whole comparison), and beside it
 * {@code index.html}, {@code summary.md} and {@code results.csv}; merges the fault matrix
 * ({@code faults.json}, written by {@code txlab faults}) when one lies beside them.
 */
public final class ResultsFiles {
    public static final String RESULTS = "results.json";
    public static final String HTML = "index.html";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsFiles() {
    }

    public static Results read(Path file) throws IOException {
        Results results;
        try {
            results = JSON.readValue(Files.readString(file), Results.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no results file at " + file + "; give the results.json that "
                    + "txlab compare wrote (e.g. target/txlab-report/results.json)");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a txlab results file: "
                    + e.getOriginalMessage());
        }
        if (results.schemaVersion() != Results.SCHEMA_VERSION || results.method() == null) {
            throw new IllegalArgumentException(file + " is not a txlab results file of schema version "
                    + Results.SCHEMA_VERSION + " (found " + results.schemaVersion() + ")");
        }
        return results;
    }

    /** The fault matrix beside a results file, when {@code txlab faults} wrote one there. */
    public static Optional<FaultMatrix> faultsBeside(Path resultsFile) throws IOException {
        return FaultMatrixFiles.read(resultsFile.toAbsolutePath().getParent());
    }

    /** Writes results.json, index.html, summary.md and results.csv into {@code directory}; returns the HTML file. */
    public static Path writeReport(Path directory, Results results, Optional<Results> before) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(RESULTS), JSON.writeValueAsString(results));
        return render(directory, results, before, faultsBeside(directory.resolve(RESULTS)));
    }

    /** Writes index.html, summary.md and results.csv for results already saved; returns the HTML file. */
    public static Path render(Path directory, Results results, Optional<Results> before,
                              Optional<FaultMatrix> faults) throws IOException {
        Files.createDirectories(directory);
        Path html = directory.resolve(HTML);
        Files.writeString(html, new HtmlReport(results, before, faults).render());
        Files.writeString(directory.resolve("summary.md"), new MarkdownReport(results, before, faults).render());
        Files.writeString(directory.resolve("results.csv"), new CsvReport(results).render());
        return html;
    }
}
