package org.iwddm.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small forwarding HTTP proxy on loopback (absolute-URI GETs, one request per connection)
 * that demands Basic proxy credentials and records what it forwarded, so a test can assert
 * that the feed was read through it.
 */
public final class ForwardingProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String expectedAuthorization;
    private final List<String> forwarded = Collections.synchronizedList(new ArrayList<>());
    private volatile int challenges;

    public ForwardingProxy(String user, String password) throws IOException {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        executor.submit(this::acceptLoop);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Request lines forwarded upstream, e.g. "GET http://127.0.0.1:1234/iwd/v3/tasks/events?...". */
    public List<String> forwarded() {
        synchronized (forwarded) {
            return List.copyOf(forwarded);
        }
    }

    /** How many requests came without (valid) credentials and were answered 407. */
    public int challenges() {
        return challenges;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                executor.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (!head.stream().anyMatch(h -> h.equalsIgnoreCase("Proxy-Authorization: " + expectedAuthorization))) {
                challenges++;
                client.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            forward(head, client.getOutputStream());
        } catch (IOException e) {
            // Client or upstream went away; the test sees the effect on the job.
        }
    }

    private void forward(List<String> head, OutputStream toClient) throws IOException {
        String[] requestLine = head.get(0).split(" ");
        URI target = URI.create(requestLine[1]);
        forwarded.add(head.get(0));
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
            StringBuilder request = new StringBuilder(requestLine[0] + " " + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " HTTP/1.1\r\n");
            head.stream().skip(1).filter(h -> !h.regionMatches(true, 0, "Proxy-", 0, 6))
                    .filter(h -> !h.regionMatches(true, 0, "Connection:", 0, 11))
                    .forEach(h -> request.append(h).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            upstream.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            InputStream fromUpstream = upstream.getInputStream();
            // One request per connection: tell the client so it never reuses this one.
            StringBuilder response = new StringBuilder();
            readHead(fromUpstream).stream().filter(h -> !h.regionMatches(true, 0, "Connection:", 0, 11))
                    .forEach(h -> response.append(h).append("\r\n"));
            response.append("Connection: close\r\n\r\n");
            toClient.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
            fromUpstream.transferTo(toClient);
        }
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
        executor.shutdownNow();
    }
}
