package io.jobstream.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller) running inside this JVM, from
 * the Kafka artifacts on Maven Central: a single-node cluster, or one node of a multi-node cluster
 * whose nodes are all voters of a static controller quorum ({@link Node}).
 *
 * <p>The log directory is formatted on first start and reused afterwards, so a restart on the same
 * directory keeps the data. Replication follows the cluster's size: with three or more voters,
 * replication factor 3 and min ISR 2 for new topics and for the offsets, transaction and
 * share-coordinator state topics (as production clusters run); with fewer, as many as there are
 * nodes (1 and 1 on a single node), which transactions and exactly-once streams need. The broker
 * accepts record timestamps of any age, because backfills carry posting dates years in the past.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final String CLUSTER_ID_FILE = "jobstream-cluster-id";

  /**
   * One node of a cluster.
   *
   * @param nodeId the node id, also its voter id
   * @param host the address the node listens on and advertises
   * @param controllerPort the port of its controller listener; 0 picks a free one (single node only)
   * @param quorum the controller quorum, {@code ID@HOST:PORT,...}; null: this node alone
   * @param clusterId the cluster id; null: a new random one for a single node (kept in the data
   *     directory), or one derived from {@code quorum}, so that every node of a cluster started
   *     with the same quorum agrees
   */
  public record Node(int nodeId, String host, int controllerPort, String quorum, String clusterId) {

    /** The only node of a single-node cluster on 127.0.0.1. */
    public static Node single() {
      return new Node(1, "127.0.0.1", 0, null, null);
    }

    int voters() {
      return quorum == null ? 1 : quorum.split(",").length;
    }
  }

  private final Path dataDir;
  private final int port;
  private final Node node;
  private final int controllerPort;
  private KafkaRaftServer server;

  /**
   * @param dataDir directory for the logs and metadata; created if missing
   * @param port client port on 127.0.0.1; 0 picks a free one
   */
  public EmbeddedKafkaBroker(Path dataDir, int port) {
    this(dataDir, port, Node.single());
  }

  /**
   * @param dataDir directory for the logs and metadata; created if missing
   * @param port client port on the node's host; 0 picks a free one
   * @throws IllegalArgumentException when the quorum cannot be read or does not name this node
   */
  public EmbeddedKafkaBroker(Path dataDir, int port, Node node) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = port == 0 ? freePort() : port;
    this.node = node;
    if (node.quorum() == null) {
      this.controllerPort = node.controllerPort() == 0 ? freePortOtherThan(this.port) : node.controllerPort();
    } else {
      this.controllerPort = quorumPort(node);
    }
  }

  /** This node's controller port as the quorum names it. */
  private static int quorumPort(Node node) {
    for (String voter : node.quorum().split(",")) {
      String v = voter.trim();
      int at = v.indexOf('@');
      int colon = v.lastIndexOf(':');
      if (at < 1 || colon < at) {
        throw new IllegalArgumentException("--controller-quorum: '" + v + "' is not ID@HOST:PORT");
      }
      try {
        if (Integer.parseInt(v.substring(0, at)) == node.nodeId()) {
          int port = Integer.parseInt(v.substring(colon + 1));
          if (node.controllerPort() != 0 && node.controllerPort() != port) {
            throw new IllegalArgumentException("--controller-port " + node.controllerPort()
                + " is not the port the quorum gives node " + node.nodeId() + " (" + port + ")");
          }
          return port;
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--controller-quorum: '" + v + "' is not ID@HOST:PORT");
      }
    }
    throw new IllegalArgumentException("--controller-quorum does not name node " + node.nodeId());
  }

  /** Formats the directory if needed, starts the broker and waits until it answers. */
  public synchronized EmbeddedKafkaBroker start(Duration timeout) throws IOException {
    if (server != null) {
      return this;
    }
    Files.createDirectories(dataDir);
    Properties props = brokerProperties();
    Path propsFile = dataDir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(propsFile)) {
      props.store(out, "written by jobstream broker on each start");
    }
    format(propsFile);
    server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
    server.startup();
    awaitReady(timeout);
    return this;
  }

  /** {@code HOST:port}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return node.host() + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  private Properties brokerProperties() {
    Properties p = new Properties();
    String host = node.host();
    int replicas = Math.min(3, node.voters());
    String minIsr = String.valueOf(replicas >= 3 ? 2 : 1);
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(node.nodeId()));
    p.put("controller.quorum.voters", node.quorum() != null ? node.quorum()
        : node.nodeId() + "@" + host + ":" + controllerPort);
    p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", dataDir.resolve("logs").toString());
    p.put("num.partitions", "3");
    p.put("default.replication.factor", String.valueOf(replicas));
    p.put("min.insync.replicas", minIsr);
    p.put("offsets.topic.replication.factor", String.valueOf(replicas));
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", String.valueOf(replicas));
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "3");
    p.put("share.coordinator.state.topic.replication.factor", String.valueOf(replicas));
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    // Backfills publish records whose timestamps may be years old; future ones stay bounded.
    p.put("log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE));
    return p;
  }

  private void format(Path propsFile) throws IOException {
    Path idFile = dataDir.resolve(CLUSTER_ID_FILE);
    String clusterId;
    if (Files.exists(idFile)) {
      clusterId = Files.readString(idFile, StandardCharsets.UTF_8).trim();
    } else {
      clusterId = node.clusterId() != null ? node.clusterId()
          : node.quorum() != null ? derivedClusterId(node.quorum()) : Uuid.randomUuid().toString();
      Files.writeString(idFile, clusterId, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      status = StorageTool.execute(new String[] {
          "format", "--config", propsFile.toString(), "--cluster-id", clusterId,
          "--ignore-formatted"}, print);
    }
    if (status != 0) {
      throw new IOException("cannot format Kafka storage in " + dataDir + ": "
          + output.toString(StandardCharsets.UTF_8).trim());
    }
  }

  private void awaitReady(Duration timeout) throws IOException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IOException("Kafka broker not ready after " + timeout, e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the broker", e);
        }
      }
    }
  }

  /** Stops the broker and waits for it; the data directory is kept. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  /** A cluster id every node started with the same quorum derives alike. */
  static String derivedClusterId(String quorum) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(("jobstream-cluster " + quorum.replace(" ", "")).getBytes(StandardCharsets.UTF_8));
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d);
      return new Uuid(b.getLong() & Long.MAX_VALUE, b.getLong() | 1).toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A free port that is not {@code taken}: a port just found free and closed again is often
   * handed out once more by the next look, and two listeners on one port refuse to start.
   */
  private static int freePortOtherThan(int taken) {
    int port = freePort();
    while (port == taken) {
      port = freePort();
    }
    return port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }
}
