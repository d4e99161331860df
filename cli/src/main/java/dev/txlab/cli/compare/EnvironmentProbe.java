package dev.txlab.cli.compare;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.run.Run;
import dev.txlab.report.Method;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Reads the environment fingerprint: the machine, the JVM, the git commit, and each run's database and broker versions. */
public final class EnvironmentProbe {
    private final Map<String, String> databases = new TreeMap<>();
    private final Map<String, String> brokers = new TreeMap<>();

    /** Notes the database products and the broker a run uses; the first run to use each names its version. */
    void observe(Run run) {
        for (ServiceName service : ServiceName.values()) {
            try (Connection connection = run.stores().dataSource(service).getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                databases.putIfAbsent(meta.getDatabaseProductName(), meta.getDatabaseProductVersion() + " (driver "
                        + meta.getDriverName() + " " + meta.getDriverVersion() + ")");
            } catch (SQLException | RuntimeException e) {
                databases.putIfAbsent(service.id() + " database", "version not readable: " + e.getMessage());
            }
        }
        run.placement().transportDescription().ifPresent(line ->
                brokers.putIfAbsent(run.options().transport().kind().name().toLowerCase(java.util.Locale.ROOT), line));
    }

    public Method.Environment environment() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : Runtime.getRuntime().maxMemory();
        return new Method.Environment(cpu(), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB",
                databases, brokers);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("model name")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch") + " (model not readable)";
        }
    }

    /**
     * The git commit the CLI was built from (the jar's manifest), or outside the jar that of the working
     * directory; with "+ uncommitted changes" when the tree was dirty.
     */
    public static String gitCommit() {
        Optional<String> built = BuildInfo.commit();
        if (built.isPresent()) {
            return built.get();
        }
        String head = git("rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown (not a git checkout)";
        }
        return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + " + uncommitted changes";
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
