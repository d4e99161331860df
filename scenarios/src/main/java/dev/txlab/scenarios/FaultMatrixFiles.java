package dev.txlab.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes and reads {@code faults.json} (and {@code faults.md}) in a report folder. */
public final class FaultMatrixFiles {
    public static final String JSON_FILE = "faults.json";
    public static final String MARKDOWN_FILE = "faults.md";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FaultMatrixFiles() {
    }

    /** Writes faults.json and faults.md into {@code directory}; returns the JSON file. */
    public static Path write(Path directory, FaultMatrix matrix) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(JSON_FILE);
        Files.writeString(json, JSON.writeValueAsString(matrix));
        Files.writeString(directory.resolve(MARKDOWN_FILE), MatrixText.markdown(matrix));
        return json;
    }

    /** The matrix in {@code directory}, when {@code txlab faults} wrote one there. */
    public static Optional<FaultMatrix> read(Path directory) throws IOException {
        Path json = directory.resolve(JSON_FILE);
        if (!Files.exists(json)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(json), FaultMatrix.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json + " is not a txlab fault matrix: " + e.getOriginalMessage());
        }
    }
}
