package io.jobstream.aggregate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jobstream.model.JsonSerde;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small read-only HTTP API over the streams app's answers (interactive queries):
 *
 * <ul>
 *   <li>{@code GET /stats?window=&family=&seniority=&country=&remote=&start=} - the latest
 *       statistics whose fields equal the given ones (all optional)
 *   <li>{@code GET /divergence?a=&b=&window=&seniority=&country=&start=} - likewise for the pay
 *       gaps
 * </ul>
 *
 * <p>Answers are JSON arrays. Each instance holds the keys of its partitions; the instance asked
 * collects the matches of every instance of the application (from Kafka Streams' metadata, the
 * {@code application.server} of each) and merges them, so any instance answers for all. When some
 * instance cannot answer (down, unreachable, its stores restoring), the answer holds what the
 * others gave and says what is missing: header {@value #MISSING_HEADER} lists each instance that
 * did not answer with the reason. Only when none answers is it a 503.
 */
public final class QueryApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);

  /** Response header naming the instances whose answers are missing, {@code HOST:PORT (reason); ...}. */
  public static final String MISSING_HEADER = "Jobstream-Missing";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param self this instance's {@code application.server}: the address other instances reach it at
   * @param bind where to listen (the host is usually the same as {@code self}'s)
   */
  public QueryApi(KafkaStreams streams, HostInfo self, InetSocketAddress bind) throws IOException {
    this.streams = streams;
    this.self = self;
    this.server = HttpServer.create(bind, 0);
    server.createContext("/stats", e -> handle(e, JobstreamTopology.STATS_STORE,
        new String[] {"window", "start", "family", "seniority", "country", "remote"}));
    server.createContext("/divergence", e -> handle(e, JobstreamTopology.DIVERGENCE_STORE,
        new String[] {"a", "b", "window", "start", "seniority", "country"}));
    // several threads: a page served here asks this same server for its figures
    executor = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "query-api");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Serves {@code handler} at {@code path} beside the query endpoints (e.g. a page at {@code /},
   * which also receives every path no other context takes).
   */
  public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
    server.createContext(path, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange, String store, String[] keyFields) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 405, "{\"error\":\"only GET\"}");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI());
      boolean localOnly = "true".equals(query.remove("local"));
      ArrayNode out = JsonSerde.MAPPER.createArrayNode();
      List<String> missing = new ArrayList<>();
      int answered = 0;
      try {
        local(store, keyFields, query, out);
        answered++;
      } catch (RuntimeException e) {
        if (localOnly) {
          respond(exchange, 503, error("this instance cannot answer now (" + e.getMessage() + ")"));
          return;
        }
        missing.add(self.host() + ":" + self.port() + " (" + e.getMessage() + ")");
      }
      if (!localOnly) {
        Collection<StreamsMetadata> instances;
        try {
          instances = streams.metadataForAllStreamsClients();
        } catch (RuntimeException e) {
          instances = List.of();
          missing.add("other instances (" + e.getMessage() + ")");
        }
        for (StreamsMetadata m : instances) {
          if (!m.hostInfo().equals(self) && m.stateStoreNames().contains(store)) {
            try {
              remote(m.hostInfo(), exchange.getRequestURI(), out);
              answered++;
            } catch (RuntimeException e) {
              missing.add(m.hostInfo().host() + ":" + m.hostInfo().port() + " (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              missing.add(m.hostInfo().host() + ":" + m.hostInfo().port() + " (interrupted)");
            }
          }
        }
      }
      if (!missing.isEmpty()) {
        LOG.warn("query answered without {}", missing);
        exchange.getResponseHeaders().set(MISSING_HEADER, String.join("; ", missing));
        if (answered == 0) {
          respond(exchange, 503, error("no instance can answer now: " + String.join("; ", missing) + "; try again"));
          return;
        }
      }
      respond(exchange, 200, out.toString());
    }
  }

  private static String error(String message) throws IOException {
    return "{\"error\":" + JsonSerde.MAPPER.writeValueAsString(message) + "}";
  }

  private void local(String store, String[] keyFields, Map<String, String> query, ArrayNode out) {
    ReadOnlyKeyValueStore<String, byte[]> kv = streams.store(
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    try (KeyValueIterator<String, byte[]> it = kv.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        if (entry.value == null) {
          continue;
        }
        String[] parts = entry.key.split("\\|", -1);
        boolean match = true;
        for (int i = 0; i < keyFields.length && i < parts.length; i++) {
          String want = query.get(keyFields[i]);
          if (want != null && !want.equals(parts[i])) {
            match = false;
            break;
          }
        }
        if (match) {
          out.add(json(entry.value));
        }
      }
    }
  }

  /** A stored value (the output topic's JSON) as a tree. */
  private static com.fasterxml.jackson.databind.JsonNode json(byte[] value) {
    try {
      return JsonSerde.MAPPER.readTree(value);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable stored value: " + e.getMessage(), e);
    }
  }

  private void remote(HostInfo host, URI uri, ArrayNode out) throws InterruptedException {
    String q = uri.getRawQuery();
    URI target = URI.create("http://" + host.host() + ":" + host.port() + uri.getPath() + "?"
        + (q == null || q.isEmpty() ? "" : q + "&") + "local=true");
    try {
      HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(target)
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IllegalStateException("instance " + host + " answered " + response.statusCode());
        }
        JsonSerde.MAPPER.readTree(body).forEach(out::add);
      }
    } catch (IOException e) {
      throw new IllegalStateException("instance " + host + " is unreachable: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Encodes a query value (for callers building URLs). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
