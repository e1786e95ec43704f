package io.jobstream.app.cli;

import io.jobstream.app.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run a single-node Kafka broker (KRaft) until Ctrl-C. Data stays in --data-dir,"
        + " so a restart on the same directory keeps the topics.")
public final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092", paramLabel = "PORT",
      description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      defaultValue = "${sys:java.io.tmpdir}${sys:file.separator}jobstream-broker",
      description = "Directory for the broker's logs and metadata (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535");
    }
    long start = System.nanoTime();
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port).start(Duration.ofSeconds(60));
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
