package org.iwddm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iwddm.config.TestEnvironment;
import org.iwddm.feed.FakeIwd;
import org.iwddm.feed.TestEvents;
import org.iwddm.metrics.Pushgateway;
import org.iwddm.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Distinctive values in every secret variable and every URL form that carries one; each failure
 * that could echo them is driven, and stdout, stderr, etl_audit (readable by the reporting
 * role) and the metrics pushed to a real Pushgateway are searched for them, literally,
 * percent-encoded and base64-encoded as user:password (SPEC §1: never in logs, errors or metrics).
 */
class SecretLeakTest {
    private static final String API_KEY = "leak-api-KEY-a1b2c3";
    private static final String DB_PASSWORD = "leak-db-pass-j0k1";
    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "leak-proxy-p@ss/f6g7";
    private static final String HTTPS_PROXY_PASSWORD = "leak-https-proxy-m2n3";
    private static final String PUSH_USER = "pgw-user";
    private static final String PUSH_PASSWORD = "leak-pgw-pass-d4e5";
    private static final String GIM_PASSWORD = "leak-gim-pass-i9x8";
    private static final String GIM_URL_PASSWORD = "leak-gim-url-pass-h8w7";
    private static final String REST_PASSWORD = "leak-rest-pass-q5r6";
    private static final String WFM_SECRET = "leak-wfm-secret-s7t8";

    /** Every form a secret might be printed in. */
    private static List<String> forbidden() {
        List<String> forms = new ArrayList<>(List.of(API_KEY, DB_PASSWORD, PROXY_PASSWORD, HTTPS_PROXY_PASSWORD,
                PUSH_PASSWORD, GIM_PASSWORD, GIM_URL_PASSWORD, REST_PASSWORD, WFM_SECRET, "leak-proxy-p%40ss%2Ff6g7"));
        for (String pair : List.of(PROXY_USER + ":" + PROXY_PASSWORD, PUSH_USER + ":" + PUSH_PASSWORD,
                "rest-user:" + REST_PASSWORD, "wfm-client:" + WFM_SECRET)) {
            String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            forms.add(encoded.replace("=", ""));
        }
        return forms;
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : forbidden()) {
            assertTrue(!text.contains(secret), "'" + secret + "' leaked into " + where + ":\n" + text);
        }
    }

    private static String audit(TestDatabase database) throws Exception {
        StringBuilder messages = new StringBuilder();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(message, '') FROM iwddm.etl_audit ORDER BY etl_audit_key")) {
            while (rows.next()) {
                messages.append(rows.getString(1)).append('\n');
            }
        }
        return messages.toString();
    }

    private static Map<String, String> env(TestDatabase database, FakeIwd iwd, Pushgateway gateway) {
        Map<String, String> env = new HashMap<>(TestEnvironment.forJob(database, iwd.restUrl()));
        env.put("IWDDM_API_KEY", API_KEY);
        env.put("IWDDM_MONITORING_ENABLED", "true");
        env.put("IWDDM_PUSHGATEWAY_URL", "http://" + PUSH_USER + ":" + PUSH_PASSWORD + "@127.0.0.1:" + gateway.url().getPort());
        env.put("IWDDM_HTTPS_PROXY_URL", "http://proxy-user:" + HTTPS_PROXY_PASSWORD + "@127.0.0.1:9");
        return env;
    }

    @Test
    void noFailureEchoesASecretAnywhere() throws Exception {
        try (TestDatabase database = TestDatabase.createMigrated(); FakeIwd iwd = FakeIwd.start(TestEvents.lifecycles(2));
             Pushgateway gateway = Pushgateway.start(); EchoingProxy proxy = new EchoingProxy()) {
            iwd.echoKeyOnRefusal();
            List<JobProcess> jobs = new ArrayList<>();

            // 1. IWD refuses the key and quotes it back (401).
            Map<String, String> refused = env(database, iwd, gateway);
            jobs.add(expect(1, JobProcess.run(refused, "run")));

            // 2. A proxy that challenges, then answers 502 quoting every header it got (Basic credentials, x-api-key).
            Map<String, String> proxied = env(database, iwd, gateway);
            proxied.put("IWDDM_HTTP_PROXY_URL", "http://" + PROXY_USER + ":leak-proxy-p%40ss%2Ff6g7@127.0.0.1:" + proxy.port());
            proxied.put("IWDDM_RUN_MAX_SECONDS", "10"); // the retries of the 502 end at the budget
            jobs.add(expect(1, JobProcess.run(proxied, "run")));
            assertTrue(proxy.echoed() > 0, "the proxy was reached with credentials and echoed them");

            // 3. GIM enabled with a password in its JDBC URL, and unreachable (a warning; the run succeeds).
            Map<String, String> gim = env(database, iwd, gateway);
            gim.put("IWDDM_API_KEY", FakeIwd.API_KEY);
            gim.put("IWDDM_GIM_ENABLED", "true");
            gim.put("IWDDM_GIM_URL", "jdbc:postgresql://127.0.0.1:9/gim?connectTimeout=2&password=" + GIM_URL_PASSWORD);
            gim.put("IWDDM_GIM_DBUSER", "gim");
            gim.put("IWDDM_GIM_PASSWORD", GIM_PASSWORD);
            JobProcess gimRun = expect(0, JobProcess.run(gim, "run"));
            assertTrue(gimRun.stdout().contains("GIM agent names not read"), gimRun.stdout());
            jobs.add(gimRun);

            // 4. The mart refuses the password.
            Map<String, String> wrongDb = env(database, iwd, gateway);
            wrongDb.put("IWDDM_DB_PASSWORD", DB_PASSWORD);
            jobs.add(expect(1, JobProcess.run(wrongDb, "run")));

            // 5. A REST URL with user info is refused at configuration; config shows everything masked.
            Map<String, String> everything = new HashMap<>(gim);
            everything.put("IWDDM_API_KEY", API_KEY);
            everything.put("IWDDM_REST_URL", "http://rest-user:" + REST_PASSWORD + "@127.0.0.1:" + iwd.port() + "/iwd/v3");
            everything.put("IWDDM_HTTP_PROXY_URL", proxied.get("IWDDM_HTTP_PROXY_URL"));
            everything.put("IWDDM_WFM_ENABLED", "true");
            everything.put("IWDDM_WFM_REST_URL", "http://127.0.0.1:9/wfm");
            everything.put("IWDDM_WFM_HEALTH_URL", "http://127.0.0.1:9/health");
            everything.put("IWDDM_WFM_GAUTH_ENABLED", "true");
            everything.put("IWDDM_WFM_GAUTH_REST_URL", "http://127.0.0.1:9/gauth");
            everything.put("IWDDM_WFM_GAUTH_CLIENT_ID", "wfm-client");
            everything.put("IWDDM_WFM_GAUTH_CLIENT_SECRET", WFM_SECRET);
            JobProcess run = expect(2, JobProcess.run(everything, "run"));
            assertTrue(run.stdout().contains("IWDDM_REST_URL") && run.stdout().contains("carries user info"), run.stdout());
            jobs.add(run);
            JobProcess config = expect(2, JobProcess.run(everything, "config"));
            assertTrue(config.stdout().contains("IWDDM_GIM_URL=jdbc:postgresql://127.0.0.1:9/gim?connectTimeout=2&password=******"),
                    config.stdout());
            jobs.add(config);

            for (JobProcess job : jobs) {
                assertNoSecret("stdout", job.stdout());
                assertNoSecret("stderr", job.stderr());
            }
            String audit = audit(database);
            assertTrue(audit.contains("unknown key ******") && audit.contains("Proxy-Authorization: Basic ******")
                    && audit.contains("x-api-key: ******"), "the echoes were recorded, masked:\n" + audit);
            assertNoSecret("etl_audit", audit);
            String metrics = gateway.metrics();
            assertTrue(metrics.contains("iwddm"), "metrics were pushed:\n" + metrics);
            assertNoSecret("the pushed metrics", metrics);
        }
    }

    private static JobProcess expect(int exitCode, JobProcess job) {
        assertEquals(exitCode, job.exitCode(), job.stdout() + job.stderr());
        return job;
    }

    /** An HTTP proxy that asks for Basic credentials, then answers 502 quoting the request's headers. */
    private static final class EchoingProxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread acceptor = new Thread(this::acceptLoop, "echoing-proxy");
        private volatile int echoed;

        EchoingProxy() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int echoed() {
            return echoed;
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    serve(client);
                } catch (IOException e) {
                    // Closed, or the client went away.
                }
            }
        }

        private void serve(Socket client) throws IOException {
            List<String> head = readHead(client.getInputStream());
            boolean credentials = head.stream().anyMatch(h -> h.regionMatches(true, 0, "Proxy-Authorization:", 0, 20));
            String response;
            if (!credentials) {
                response = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"leak\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            } else {
                echoed++;
                List<String> ordered = new ArrayList<>(head.stream().skip(1)
                        .filter(h -> h.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)
                                || h.regionMatches(true, 0, "x-api-key:", 0, 10)).toList());
                String body = "bad gateway; you sent " + String.join(" | ", ordered);
                response = "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\nConnection: close\r\n\r\n" + body;
            }
            client.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
        }

        private static List<String> readHead(InputStream in) throws IOException {
            List<String> lines = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
                    if (text.isEmpty()) {
                        break;
                    }
                    lines.add(text);
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
