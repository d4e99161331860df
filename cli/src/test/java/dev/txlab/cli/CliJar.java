package dev.txlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the very jar that the {@code ./txlab} launcher runs, as a separate process. */
final class CliJar {
    private CliJar() {
    }

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    static Outcome run(String... args) throws IOException, InterruptedException {
        return runWith(Map.of(), args);
    }

    /** Runs the CLI with these environment variables added to this process's. */
    static Outcome runWith(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = command(args);
        Path out = Files.createTempFile("txlab-cli", ".out");
        Path err = Files.createTempFile("txlab-cli", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("txlab " + String.join(" ", args) + " did not end within 5 minutes");
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts the CLI without waiting for it, its output discarded. */
    static Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> command(String... args) {
        String jar = System.getProperty("txlab.cli.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("the CLI jar is missing (" + jar + "): run these tests with 'verify'");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    static String dataDir() {
        return Path.of(System.getenv().getOrDefault("TXLAB_TEST_TMP", "target/test-data")).toAbsolutePath().toString();
    }
}
