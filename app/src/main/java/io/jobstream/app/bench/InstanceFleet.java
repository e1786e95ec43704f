package io.jobstream.app.bench;

import io.jobstream.app.cli.JobstreamCli;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code jobstream stream} as N processes, each its own JVM with its own heap and state
 * directory, all of one application: what the benchmark's {@code --instances} runs. Each process
 * is told apart by its {@code client.id} ({@value #CLIENT_ID_PREFIX}INDEX, which its consumers'
 * client ids start with) and read through its own {@code /metrics}.
 */
final class InstanceFleet implements AutoCloseable {

  static final String CLIENT_ID_PREFIX = "bench-instance-";

  private final List<Process> processes = new ArrayList<>();
  private final List<Integer> metricsPorts = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * @param settings Kafka client and {@code jobstream.*} settings of every instance
   * @param heap each instance's maximum heap, e.g. {@code 1g}
   */
  InstanceFleet(int instances, Properties settings, String applicationId, List<String> windows, int threads,
      Path dir, String heap) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < instances; i++) {
      Path home = Files.createDirectories(dir.resolve("instance-" + i));
      Properties config = new Properties();
      config.putAll(settings);
      config.setProperty("client.id", CLIENT_ID_PREFIX + i);
      config.setProperty("num.stream.threads", Integer.toString(threads));
      Path file = home.resolve("stream.properties");
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        config.store(w, "benchmark instance " + i);
      }
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
          JobstreamCli.class.getName(), "stream", "--config", file.toString(), "--application-id", applicationId,
          "--state-dir", home.resolve("state").toString(), "--query-port", "0", "--metrics-port", Integer.toString(port)));
      for (String w : windows) {
        command.add("--window");
        command.add(w);
      }
      processes.add(new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(home.resolve("stream.log").toFile()).start());
      metricsPorts.add(port);
    }
  }

  int size() {
    return processes.size();
  }

  /** Waits until every instance says it is ready (its streams app RUNNING). */
  void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < processes.size(); i++) {
      while (true) {
        if (!processes.get(i).isAlive()) {
          throw new IllegalStateException("benchmark instance " + i + " exited; see instance-" + i + "/stream.log");
        }
        if (status(i, "/health") == 200) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("benchmark instance " + i + " not ready within " + timeout);
        }
        Thread.sleep(250);
      }
    }
  }

  private int status(int i, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPorts.get(i) + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** One instance's meters in the Prometheus text format: series (name and labels as written) to value. */
  Map<String, Double> scrape(int i) throws IOException, InterruptedException {
    String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPorts.get(i) + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Double> series = new HashMap<>();
    for (String line : text.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (line.isEmpty() || line.startsWith("#") || space < 0) {
        continue;
      }
      try {
        series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException ignored) {
        // a value Prometheus writes as a word (NaN is parsed; others are not needed here)
      }
    }
    return series;
  }

  /** The sum, over every instance, of the series whose name (and labels) start with {@code prefix}. */
  Map<String, Double> sumByName(String prefix) throws IOException, InterruptedException {
    Map<String, Double> sums = new HashMap<>();
    for (int i = 0; i < processes.size(); i++) {
      scrape(i).forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          sums.merge(k, v, Double::sum);
        }
      });
    }
    return sums;
  }

  /** The largest heap in use of any instance now, bytes. */
  long maxHeapUsed() throws IOException, InterruptedException {
    long max = 0;
    for (int i = 0; i < processes.size(); i++) {
      double heap = 0;
      for (Map.Entry<String, Double> e : scrape(i).entrySet()) {
        if (e.getKey().startsWith("jvm_memory_used_bytes{") && e.getKey().contains("area=\"heap\"")) {
          heap += e.getValue();
        }
      }
      max = Math.max(max, (long) heap);
    }
    return max;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    processes.forEach(Process::destroy);
    for (Process p : processes) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
