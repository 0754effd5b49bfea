package org.iwddm.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP server on loopback that accepts every connection and never sends a byte. */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentServer(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SilentServer start() throws IOException {
        return new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return server.getLocalPort();
    }

    public int accepted() {
        return accepted.size();
    }

    private void acceptForever() {
        try {
            while (!server.isClosed()) {
                accepted.add(server.accept());
            }
        } catch (IOException closed) {
            // close() ends the loop.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
