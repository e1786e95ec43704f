package io.jobstream.aggregate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the local state of the streams app belongs to the cluster it runs against.
 *
 * <p>Kafka Streams' checkpoint files record how far each store was restored from its changelog
 * as bare offsets, without saying of which cluster's changelog. Pointed at another cluster (or at
 * one that was wiped and formatted again) with the same state directory, some tasks find their
 * offsets out of range and are re-initialized ({@code TaskCorruptedException}), while others keep
 * the old cluster's stores: postings of the old cluster then pass for re-crawls of known ones and
 * its counts add to the new ones. So the app's state directory ({@code state.dir/application.id})
 * carries an owner file naming the cluster id and the ids of the app's changelog topics; at start
 * a directory whose owner differs, or that has no owner file, is discarded (one log line), and the
 * stores restore from this cluster's changelogs.
 */
final class LocalStateOwner {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStateOwner.class);

  /** The owner file in the app's state directory. */
  static final String OWNER_FILE = "jobstream-owner.properties";

  private static final String CLUSTER_KEY = "cluster.id";
  private static final String TOPIC_PREFIX = "changelog.";

  private final Path appDir;
  private final String applicationId;

  private LocalStateOwner(Path appDir, String applicationId) {
    this.appDir = appDir;
    this.applicationId = applicationId;
  }

  static LocalStateOwner of(Properties config) {
    String applicationId = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    String stateDir = config.getProperty(StreamsConfig.STATE_DIR_CONFIG);
    return new LocalStateOwner(Path.of(stateDir, applicationId), applicationId);
  }

  Path appDir() {
    return appDir;
  }

  /**
   * Discards the app's local state unless it was built from this cluster's changelogs; call it
   * before the Kafka Streams client is created. Returns the reason it was discarded, or null.
   */
  String claim(Admin admin) {
    String clusterId = clusterId(admin);
    String reason = mismatch(admin, clusterId);
    if (reason != null) {
      LOG.warn("discarding local state in {}: {}; its stores restore from the changelogs of cluster {}",
          appDir, reason, clusterId);
      delete(appDir);
    }
    Properties owner = reason == null ? read() : new Properties();
    if (owner == null) {
      owner = new Properties();
    }
    owner.setProperty(CLUSTER_KEY, clusterId);
    write(owner);
    return reason;
  }

  /**
   * Records the ids of the app's changelog topics (once the app runs, they exist), so that state
   * built from a changelog that was deleted and created again is discarded too.
   */
  void recordChangelogs(Admin admin) {
    Properties owner = read();
    if (owner == null) {
      return;
    }
    try {
      String prefix = applicationId + "-";
      var names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(n -> n.startsWith(prefix) && n.endsWith("-changelog")).toList();
      if (names.isEmpty()) {
        return;
      }
      Map<String, TopicDescription> described =
          admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
      described.forEach((name, d) -> owner.setProperty(TOPIC_PREFIX + name, d.topicId().toString()));
      write(owner);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cannot record the changelog topics of {}: {}", appDir, e.getMessage());
    }
  }

  /** Why the local state is not this cluster's, or null when it is (or there is none). */
  private String mismatch(Admin admin, String clusterId) {
    if (!hasState()) {
      return null;
    }
    Properties owner = read();
    if (owner == null || owner.getProperty(CLUSTER_KEY) == null) {
      return "it does not say which cluster it was built from";
    }
    String previous = owner.getProperty(CLUSTER_KEY);
    if (!previous.equals(clusterId)) {
      return "it was built from cluster " + previous + ", not this one";
    }
    Map<String, String> recorded = new TreeMap<>();
    owner.stringPropertyNames().stream().filter(k -> k.startsWith(TOPIC_PREFIX))
        .forEach(k -> recorded.put(k.substring(TOPIC_PREFIX.length()), owner.getProperty(k)));
    for (Map.Entry<String, String> topic : recorded.entrySet()) {
      String now = topicId(admin, topic.getKey());
      if (!topic.getValue().equals(now)) {
        return "changelog " + topic.getKey() + (now == null ? " no longer exists" : " was created again");
      }
    }
    return null;
  }

  private boolean hasState() {
    if (!Files.isDirectory(appDir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(appDir)) {
      // task directories are named SUBTOPOLOGY_PARTITION, e.g. 0_1
      return entries.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d+_\\d+"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read state directory " + appDir, e);
    }
  }

  private static String clusterId(Admin admin) {
    try {
      return admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the cluster for its id", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot ask the cluster for its id: " + e.getMessage(), e);
    }
  }

  private static String topicId(Admin admin, String topic) {
    try {
      return admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic).topicId().toString();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topic " + topic, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out describing topic " + topic, e);
    }
  }

  private Properties read() {
    Path file = appDir.resolve(OWNER_FILE);
    if (!Files.exists(file)) {
      return null;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      return p;
    } catch (IOException | IllegalArgumentException e) {
      return null; // unreadable: treated as unknown provenance
    }
  }

  private void write(Properties owner) {
    try {
      Files.createDirectories(appDir);
      Path tmp = appDir.resolve(OWNER_FILE + ".tmp");
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        owner.store(out, "the cluster (and changelog topics) this state directory was built from");
      }
      Files.move(tmp, appDir.resolve(OWNER_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + appDir.resolve(OWNER_FILE), e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete state directory " + dir, e);
    }
  }
}
