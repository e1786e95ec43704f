package io.jobstream.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.JsonSerde;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks other instances of the app for their local answers ({@code local=true}), with its own
 * threads (4) and timeouts (connect 2 s, answer 5 s), so a slow or stuck peer holds neither the
 * query API's handlers nor the page's for longer than that, and no instance ever asks itself.
 */
final class PeerClient implements AutoCloseable {

  /** How long a peer may take to connect. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** How long a peer may take to answer. */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

  private final ExecutorService executor;
  private final HttpClient client;

  PeerClient() {
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "query-peers-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    client = HttpClient.newBuilder().executor(executor).connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * The peer's local matches of {@code path} (a route of the query API) for the checked
   * {@code filters}, which are encoded again here: the request sent holds only known, valid
   * parameters and {@code local=true}, whatever the client's URL looked like.
   */
  CompletableFuture<JsonNode> fetch(HostInfo peer, String path, Map<String, String> filters) {
    StringBuilder query = new StringBuilder();
    filters.forEach((k, v) -> query.append(encode(k)).append('=').append(encode(v)).append('&'));
    query.append("local=true");
    String host = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + peer.port() + path + "?" + query))
          .timeout(ANSWER_TIMEOUT).GET().build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new PeerFailure("bad address"));
    }
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new PeerFailure("answered " + response.statusCode());
      }
      try {
        return JsonSerde.MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new PeerFailure("unreadable answer");
      }
    });
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** Why a peer gave no answer, in words safe for a header and a log line. */
  static final class PeerFailure extends RuntimeException {
    PeerFailure(String reason) {
      super(reason, null, false, false);
    }
  }
}
