package io.jobstream.app.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on a plain socket, so that tests can send what no HTTP client library would: raw
 * percent-encoding, CR/LF, oversized lines, slow bytes, wrong Host headers.
 */
final class RawHttp {

  private RawHttp() {}

  /** One answer: status, headers (names lower case), the raw head and the body. */
  record Reply(int status, Map<String, List<String>> headers, String head, String body, long millis) {

    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }

    /** Head and body as received, for checks that nothing of the request came back raw. */
    String raw() {
      return head + "\r\n\r\n" + body;
    }
  }

  /** A request for {@code target} with {@code Host: 127.0.0.1:port}, closing the connection after. */
  static String request(String method, String target, int port) {
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
  }

  static Reply get(int port, String target) throws IOException {
    return send(port, request("GET", target, port), Duration.ofSeconds(10));
  }

  /**
   * Sends {@code request} as is and reads the answer until the server closes the connection or
   * {@code timeout} passes (then a {@link SocketTimeoutException}).
   */
  static Reply send(int port, String request, Duration timeout) throws IOException {
    long start = System.nanoTime();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException refusedEarly) {
        // the server may answer (414, 431, 413) and close before all of a huge request is written
      }
      byte[] all = readAll(socket.getInputStream(), start, timeout);
      String text = new String(all, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new IOException("no complete answer: " + text.substring(0, Math.min(200, text.length())));
      }
      String head = text.substring(0, end);
      String[] lines = head.split("\r\n");
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
              .add(lines[i].substring(colon + 1).trim());
        }
      }
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      String body = new String(all, end + 4, all.length - end - 4, StandardCharsets.UTF_8);
      return new Reply(status, headers, head, body, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private static byte[] readAll(InputStream in, long start, Duration timeout) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    while (true) {
      if (System.nanoTime() - start > timeout.toNanos()) {
        throw new SocketTimeoutException("no complete answer within " + timeout);
      }
      int n;
      try {
        n = in.read(chunk);
      } catch (java.net.SocketException reset) {
        // a reset after the answer (the server closed with request bytes unread) ends it too
        if (buffer.size() > 0) {
          break;
        }
        throw reset;
      }
      if (n < 0) {
        break;
      }
      buffer.write(chunk, 0, n);
    }
    return buffer.toByteArray();
  }
}
