package io.jobstream.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jobstream.http.Printable;
import io.jobstream.model.DivergenceKey;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.StatsKey;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The app's answers across its instances: this instance's stores read in process, every other
 * instance's asked over HTTP by a {@link PeerClient} (in parallel, with its own threads and
 * timeouts). The query API serves it, and the live page renders from it directly, never by
 * asking its own server.
 */
public final class ClusterQuery implements AutoCloseable {

  /** What can be asked: a route of the query API, its store and the fields of its keys in order. */
  public enum Kind {
    STATS("/stats", JobstreamTopology.STATS_STORE, StatsKey.FIELDS, key -> StatsKey.parse(key).fields()),
    DIVERGENCE("/divergence", JobstreamTopology.DIVERGENCE_STORE, DivergenceKey.FIELDS,
        key -> DivergenceKey.parse(key).fields());

    final String path;
    final String store;
    final List<String> keyFields;
    /** The fields of a stored key, in the order of {@link #keyFields}. */
    final Function<String, List<String>> fieldsOf;

    Kind(String path, String store, List<String> keyFields, Function<String, List<String>> fieldsOf) {
      this.path = path;
      this.store = store;
      this.keyFields = keyFields;
      this.fieldsOf = fieldsOf;
    }

    public String path() {
      return path;
    }

    /** The fields of a stored key; null for a key jobstream does not write (never an answer). */
    List<String> fieldsOf(String key) {
      try {
        return fieldsOf.apply(key);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    public List<String> keyFields() {
      return keyFields;
    }
  }

  /**
   * What the instances answered: the matches, and for each instance that did not answer
   * {@code HOST:PORT (reason)}, with only printable ASCII and fixed reasons (no internals).
   */
  public record Answer(ArrayNode items, List<String> missing, int answered) {}

  private final KafkaStreams streams;
  private final HostInfo self;
  private final PeerClient peers = new PeerClient();

  ClusterQuery(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  /**
   * The matches of {@code filters} (checked key fields, each absent one matching all).
   *
   * @param localOnly only this instance's stores (what a peer asks for)
   */
  public Answer ask(Kind kind, Map<String, String> filters, boolean localOnly) {
    ArrayNode out = JsonSerde.MAPPER.createArrayNode();
    List<String> missing = new ArrayList<>();
    int answered = 0;
    try {
      local(kind, filters, out);
      answered++;
    } catch (RuntimeException e) {
      // restoring, rebalancing or not started: a fact for the answer, not a stack or a store name
      missing.add(name(self) + " (not ready)");
    }
    if (localOnly) {
      return new Answer(out, missing, answered);
    }
    Collection<StreamsMetadata> instances;
    try {
      instances = streams.metadataForAllStreamsClients();
    } catch (RuntimeException e) {
      missing.add("other instances (unknown while this one is not running)");
      return new Answer(out, missing, answered);
    }
    Map<HostInfo, CompletableFuture<JsonNode>> asked = new LinkedHashMap<>();
    for (StreamsMetadata m : instances) {
      if (!m.hostInfo().equals(self) && m.stateStoreNames().contains(kind.store)) {
        asked.put(m.hostInfo(), peers.fetch(m.hostInfo(), kind.path, filters));
      }
    }
    long deadline = System.nanoTime() + PeerClient.ANSWER_TIMEOUT.plusSeconds(1).toNanos();
    for (Map.Entry<HostInfo, CompletableFuture<JsonNode>> peer : asked.entrySet()) {
      try {
        peer.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).forEach(out::add);
        answered++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        missing.add(name(peer.getKey()) + " (interrupted)");
      } catch (TimeoutException e) {
        peer.getValue().cancel(true);
        missing.add(name(peer.getKey()) + " (timed out)");
      } catch (ExecutionException e) {
        missing.add(name(peer.getKey()) + " (" + reason(e.getCause()) + ")");
      }
    }
    return new Answer(out, missing, answered);
  }

  private static String reason(Throwable failure) {
    if (failure instanceof PeerClient.PeerFailure f) {
      return f.getMessage();
    }
    if (failure instanceof HttpTimeoutException) {
      return "timed out";
    }
    return failure instanceof IOException ? "unreachable" : "failed";
  }

  private static String name(HostInfo host) {
    return Printable.of(host.host()) + ":" + host.port();
  }

  private void local(Kind kind, Map<String, String> filters, ArrayNode out) {
    ReadOnlyKeyValueStore<String, byte[]> kv = streams.store(
        StoreQueryParameters.fromNameAndType(kind.store, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    try (KeyValueIterator<String, byte[]> it = kv.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> entry = it.next();
        List<String> fields = entry.value == null ? null : kind.fieldsOf(entry.key);
        if (fields != null && matches(fields, kind.keyFields, filters)) {
          out.add(json(entry.value));
        }
      }
    }
  }

  private static boolean matches(List<String> parts, List<String> fields, Map<String, String> filters) {
    for (int i = 0; i < fields.size() && i < parts.size(); i++) {
      String want = filters.get(fields.get(i));
      if (want != null && !want.equals(parts.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode json(byte[] value) {
    try {
      return JsonSerde.MAPPER.readTree(value);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable stored value", e);
    }
  }

  @Override
  public void close() {
    peers.close();
  }
}
