package io.jobstream.app.cli;

import io.jobstream.app.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run a Kafka broker (KRaft, combined broker and controller) until Ctrl-C: a"
        + " single-node cluster, or with --node-id and --controller-quorum one node of a multi-node"
        + " cluster. Data stays in --data-dir, so a restart on the same directory keeps the topics.")
public final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT",
      description = "Client port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address the node listens on and advertises (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--node-id", defaultValue = "1", paramLabel = "N",
      description = "Node id, also its id in the controller quorum (default: ${DEFAULT-VALUE}).")
  int nodeId;

  @Option(names = "--controller-port", defaultValue = "0", paramLabel = "PORT",
      description = "Port of the controller listener (default: a free one, or the quorum's port for"
          + " this node).")
  int controllerPort;

  @Option(names = "--controller-quorum", paramLabel = "ID@HOST:PORT,...",
      description = "Every node of the cluster with its controller address, the same on each node,"
          + " e.g. 1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097 (default: this node alone).")
  String quorum;

  @Option(names = "--cluster-id", paramLabel = "ID",
      description = "Cluster id for a new data directory (default: derived from --controller-quorum,"
          + " so that the nodes agree; a new random one for a single node).")
  String clusterId;

  @Option(names = "--data-dir", paramLabel = "DIR",
      defaultValue = "${sys:java.io.tmpdir}${sys:file.separator}jobstream-broker",
      description = "Directory for the broker's logs and metadata (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535");
    }
    if (nodeId < 0) {
      throw new IllegalArgumentException("--node-id must be at least 0");
    }
    if (controllerPort < 0 || controllerPort > 65535) {
      throw new IllegalArgumentException("--controller-port must be between 0 and 65535");
    }
    if (clusterId != null) {
      try {
        org.apache.kafka.common.Uuid.fromString(clusterId);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--cluster-id '" + clusterId + "' is not a Kafka cluster id"
            + " (22 characters of URL-safe base64, e.g. from kafka-storage random-uuid)");
      }
    }
    long start = System.nanoTime();
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port,
        new EmbeddedKafkaBroker.Node(nodeId, host, controllerPort, quorum, clusterId))
        // a node of a larger cluster waits for a majority of the quorum
        .start(Duration.ofSeconds(quorum == null ? 60 : 180));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("stopping broker...");
      broker.close();
      stopped.countDown();
    }, "broker-shutdown"));
    System.out.printf("Kafka broker ready on %s in %.1f s (data in %s). Ctrl-C stops it.%n",
        broker.bootstrapServers(), (System.nanoTime() - start) / 1e9, broker.dataDir());
    stopped.await();
    return 0;
  }
}
