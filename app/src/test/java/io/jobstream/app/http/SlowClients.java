package io.jobstream.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Clients that open a connection, send the start of a request line ({@code GET /hea}) and then
 * one byte a second, never finishing it: what a slowloris attack or a stuck proxy does.
 */
final class SlowClients implements AutoCloseable {

  private final List<Socket> sockets = new ArrayList<>();
  private final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "slow-clients");
    t.setDaemon(true);
    return t;
  });

  /** Opens {@code count} slow connections to {@code port} on loopback. */
  static SlowClients open(int port, int count) throws IOException {
    SlowClients clients = new SlowClients();
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.getOutputStream().write("GET /hea".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      clients.sockets.add(socket);
    }
    clients.drip.scheduleAtFixedRate(clients::dripOneByte, 1, 1, TimeUnit.SECONDS);
    return clients;
  }

  private void dripOneByte() {
    for (Socket socket : sockets) {
      try {
        socket.getOutputStream().write('l');
        socket.getOutputStream().flush();
      } catch (IOException closedByServer) {
        // the server dropped it: what it should do
      }
    }
  }

  /**
   * How many of the connections the server has closed (end of stream or reset), waiting at most
   * {@code millis} on each one still open.
   */
  int closedByServer(int millis) throws IOException {
    int closed = 0;
    long deadline = System.currentTimeMillis() + millis;
    for (Socket socket : sockets) {
      int wait = (int) Math.max(1, deadline - System.currentTimeMillis());
      socket.setSoTimeout(wait);
      try {
        InputStream in = socket.getInputStream();
        // an answer such as 408 may come first; what counts is that the connection ends
        while (in.read() >= 0) {
          // drain
        }
        closed++;
      } catch (java.net.SocketTimeoutException stillOpen) {
        // held
      } catch (IOException reset) {
        closed++;
      }
    }
    return closed;
  }

  @Override
  public void close() {
    drip.shutdownNow();
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
