package dev.aiwizard.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP proxy in front of a database that can be told to stall: from then on it accepts connections and reads
 * what is sent, but forwards nothing either way, as a database behind a dead network or a frozen host does. The
 * connections stay open, so only timeouts can end a call.
 */
final class StallingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private volatile boolean closed;

    private StallingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    static StallingProxy to(String host, int port) throws IOException {
        return new StallingProxy(new InetSocketAddress(host, port));
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops forwarding on every connection, open or new. */
    void stall() {
        stalled.countDown();
    }

    private boolean isStalled() {
        return stalled.getCount() == 0;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (isStalled()) {
                    Thread.ofVirtual().start(() -> swallow(client));
                    continue;
                }
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("proxy accept failed", e);
                }
            }
        }
    }

    /** Copies until stalled; after that reads and drops, so the sender never sees a closed or full connection. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!isStalled()) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the proxy or one side closed: nothing to forward any more
        }
    }

    private void swallow(Socket client) {
        try (InputStream in = client.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
