package dev.aiwizard.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a real service, for drills: it forwards, or is {@link #cut()} (every
 * connection closed, new ones closed at once, as a service that went down), or {@link #stall()}s (connections
 * accepted and held, nothing forwarded, as a service that hangs).
 */
public final class TcpProxy implements AutoCloseable {
    private enum Mode { FORWARD, CUT, STALL }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;

    private TcpProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        Thread.ofVirtual().name("proxy-accept").start(this::acceptLoop);
    }

    /** A proxy on a free port of 127.0.0.1 forwarding to {@code host:port}. */
    public static TcpProxy to(String host, int port) throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new TcpProxy(s, new InetSocketAddress(host, port));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        mode = Mode.CUT;
        closeAll();
    }

    /** Holds every new connection without forwarding a byte, and stops forwarding on the open ones. */
    public void stall() {
        mode = Mode.STALL;
    }

    /** Forwards again (the service came back). */
    public void restore() {
        mode = Mode.FORWARD;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(client);
            if (mode == Mode.CUT) {
                quietly(client);
                continue;
            }
            if (mode == Mode.STALL) {
                continue; // held open, never answered
            }
            Thread.ofVirtual().start(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        try {
            Socket upstream = new Socket();
            upstream.connect(target, 2000);
            open.add(upstream);
            Thread.ofVirtual().start(() -> pump(client, upstream));
            pump(upstream, client);
        } catch (IOException e) {
            quietly(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                while (mode == Mode.STALL) {
                    Thread.sleep(20);
                }
                if (mode == Mode.CUT) {
                    break;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the other side went away
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private void closeAll() {
        for (Socket s : open) {
            quietly(s);
        }
        open.clear();
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closeAll();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
