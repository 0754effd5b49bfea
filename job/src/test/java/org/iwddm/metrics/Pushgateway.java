package org.iwddm.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Prometheus Pushgateway (Debian's prometheus-pushgateway) on a free loopback port,
 * started and stopped by the test. A missing binary fails the test: it is a test dependency.
 */
public final class Pushgateway implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private Pushgateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Pushgateway start() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install the Debian package prometheus-pushgateway"
                    + " (scripts/install-test-deps does)");
        }
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            // In memory only: Debian's build persists to /var/lib/prometheus/pushgateway.data by default,
            // which every gateway on the machine then shares (one suite's pushes showed up in another's).
            Process process = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
                    "--persistence.file=")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Pushgateway gateway = new Pushgateway(process, port);
            try {
                gateway.awaitReady();
            } catch (AssertionError exited) {
                if (process.isAlive() || attempt == 5) {
                    throw exited;
                }
                continue;
            }
            // Another test suite on the machine may have taken the port between freePort() and the
            // bind: then the gateway that answered is theirs, and ours exits (address in use).
            if (!process.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return gateway;
            }
            if (attempt == 5) {
                throw new AssertionError("the Pushgateway could not bind a free port in 5 attempts");
            }
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The gateway's /metrics page, as Prometheus would scrape it. */
    public String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url().resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of the sample with this name and (at least) these labels, or null when absent. */
    public Double value(String name, Map<String, String> labels) throws IOException, InterruptedException {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics());
        while (line.find()) {
            String found = line.group(1);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return Double.parseDouble(line.group(2));
            }
        }
        return null;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(url().resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            if (!process.isAlive()) {
                throw new AssertionError("prometheus-pushgateway exited with " + process.exitValue());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus-pushgateway did not become ready on port " + port);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
