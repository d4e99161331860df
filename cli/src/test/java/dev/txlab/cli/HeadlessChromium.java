package dev.txlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.testkit.Servers;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver over the W3C WebDriver protocol
 * (plain HTTP and JSON, no client library): open a page, run a script in it, read its console log.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String session;
    private final Path profile;

    private HeadlessChromium(Process driver, String base, String session, Path profile) {
        this.driver = driver;
        this.base = base;
        this.session = session;
        this.profile = profile;
    }

    /** Skips (locally) or fails (in CI) when Chromium or chromedriver is missing. */
    static void assumeInstalled() {
        String installedBy = ".ci/run installs Debian's chromium and chromium-driver";
        Servers.assumeInstalled("chromium", CHROMIUM, installedBy);
        Servers.assumeInstalled("chromedriver", CHROMEDRIVER, installedBy);
    }

    static HeadlessChromium start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String base = "http://127.0.0.1:" + port;
        Path profile = Files.createTempDirectory("txlab-chromium");
        HttpClient http = HttpClient.newHttpClient();
        awaitReady(http, base);
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:loggingPrefs", Map.of("browser", "ALL"),
                "goog:chromeOptions", Map.of("binary", CHROMIUM.toString(), "args", List.of("--headless", "--window-size=1366,768",
                        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile)))));
        JsonNode created = post(http, base + "/session", capabilities);
        return new HeadlessChromium(driver, base, created.path("value").path("sessionId").asText(), profile);
    }

    void open(Path file) throws IOException, InterruptedException {
        post(http, base + "/session/" + session + "/url", Map.of("url", file.toUri().toString()));
    }

    /** Runs a script in the page (its {@code return} value comes back as JSON). */
    JsonNode execute(String script) throws IOException, InterruptedException {
        return post(http, base + "/session/" + session + "/execute/sync", Map.of("script", script, "args", List.of()))
                .path("value");
    }

    /** The browser console's entries of level SEVERE (errors) since the page opened. */
    List<String> consoleErrors() throws IOException, InterruptedException {
        JsonNode entries = post(http, base + "/session/" + session + "/se/log", Map.of("type", "browser")).path("value");
        List<String> errors = new ArrayList<>();
        entries.forEach(entry -> {
            if (entry.path("level").asText().equals("SEVERE")) {
                errors.add(entry.path("message").asText());
            }
        });
        return errors;
    }

    private static void awaitReady(HttpClient http, String base) {
        Awaitility.await("chromedriver ready at " + base).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("value").path("ready").asBoolean());
    }

    private static JsonNode post(HttpClient http, String url, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + url + " answered " + response.statusCode() + ": " + json);
        }
        return json;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(base + "/session/" + session)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            driver.destroy();
            driver.waitFor();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
