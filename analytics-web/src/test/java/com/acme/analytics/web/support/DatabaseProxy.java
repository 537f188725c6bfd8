package com.acme.analytics.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the application and PostgreSQL. {@link #cut()} drops every connection and refuses new ones,
 * as a database outage would; {@link #restore()} lets connections through again on the same port.
 */
public final class DatabaseProxy {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private DatabaseProxy(String targetHost, int targetPort, ServerSocket server) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = server;
        this.port = server.getLocalPort();
    }

    static DatabaseProxy start(String host, int port) throws IOException {
        DatabaseProxy proxy = new DatabaseProxy(host, port, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        proxy.acceptLoop();
        return proxy;
    }

    public int port() {
        return port;
    }

    public synchronized void cut() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            acceptLoop();
        }
    }

    private void acceptLoop() {
        ServerSocket listening = server;
        Thread t = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed by cut(), or the database refused: the client sees a dropped connection
                }
            }
        }, "db-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "db-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void close(Socket s) {
        sockets.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
