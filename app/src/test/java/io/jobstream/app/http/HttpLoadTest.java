package io.jobstream.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.JobstreamTopology;
import io.jobstream.aggregate.QueryApi;
import io.jobstream.aggregate.StreamApp;
import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.app.SurveyFixture;
import io.jobstream.app.TopicSetup;
import io.jobstream.app.broker.EmbeddedKafkaBroker;
import io.jobstream.app.cli.JobstreamCli;
import io.jobstream.app.metrics.MetricsServer;
import io.jobstream.app.report.LivePage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One instance under a bounded load for {@code jobstream.load.seconds} (default 60): 200
 * keep-alive clients asking the query API and the page fragment about ten times a second each,
 * 50 slow clients (a byte a second, reconnecting when dropped) on the query port, and a health
 * probe every 200 ms on the metrics port. Health always answers within 1 s, the normal clients
 * see no error, and the heap after a full GC ends where it started (within 64 MiB).
 */
@Tag("integration")
@Tag("slow")
class HttpLoadTest {

  private static final int CLIENTS = 200;
  private static final int SLOW = 50;
  private static final String[] FAMILIES = {"data_scientist", "ml_engineer", "data_engineer", "data_analyst"};

  @TempDir
  Path dir;

  private volatile boolean running = true;

  @Test
  void twoHundredKeepAliveAndFiftySlowClientsForAMinute() throws Exception {
    Duration length = Duration.ofSeconds(Long.getLong("jobstream.load.seconds", 60));
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("broker"), 0).start(Duration.ofSeconds(60))) {
      Properties settings = new Properties();
      settings.put("bootstrap.servers", broker.bootstrapServers());
      TopicSetup.ensureTopics(settings);
      settings.put(JobstreamConfig.WINDOWS_CONFIG, "year");
      settings.put(StreamsConfig.APPLICATION_ID_CONFIG, "http-load-test");
      Properties config = StreamApp.streamsConfig(settings, dir.resolve("streams"));
      int port = freePort();
      config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + port);
      try (StreamApp app = StreamApp.start(config);
          QueryApi api = new QueryApi(app.streams(), new HostInfo("127.0.0.1", port), new InetSocketAddress("127.0.0.1", port),
              QueryApi.Settings.DEFAULTS.withWindows(List.of("year")));
          MetricsServer metrics = new MetricsServer("127.0.0.1", 0, app::healthProblem)) {
        assertThat(app.awaitRunning(Duration.ofSeconds(90))).isTrue();
        LivePage.serveOn(api, List.of("year"));
        Path survey = SurveyFixture.write(dir.resolve("survey.csv"), 5, 3000);
        assertThat(JobstreamCli.commandLine().execute("ingest", "--bootstrap-servers", broker.bootstrapServers(),
            "--once", "--metrics-port", "-2", "--source", "csv:" + survey)).isZero();
        Thread.sleep(5000);

        long heapBefore = usedHeapAfterGc();
        AtomicLong answers = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Long> health = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          int n = i;
          threads.add(start("load-client-" + i, () -> keepAliveClient(api.port(), n, answers, errors)));
        }
        for (int i = 0; i < SLOW; i++) {
          threads.add(start("slow-client-" + i, () -> slowClient(api.port())));
        }
        threads.add(start("health-probe", () -> probe(metrics.port(), health, errors)));
        long heapMax = 0;
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
          Thread.sleep(1000);
          heapMax = Math.max(heapMax, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        running = false;
        for (Thread t : threads) {
          t.join(15_000);
        }
        long heapAfter = usedHeapAfterGc();
        long healthMax = health.stream().mapToLong(Long::longValue).max().orElse(-1);
        System.out.printf("load: %d answers in %d s, %d health probes (max %d ms), heap after GC %d -> %d MiB"
                + " (max %d MiB while loaded), errors %d%n", answers.get(), length.toSeconds(), health.size(), healthMax,
            heapBefore >> 20, heapAfter >> 20, heapMax >> 20, errors.size());
        assertThat(errors).as("errors of the normal clients and the health probe").isEmpty();
        assertThat(health.size()).isGreaterThan((int) (length.toSeconds() * 2));
        assertThat(healthMax).as("slowest health answer, ms").isLessThan(1000);
        assertThat(answers.get()).isGreaterThan(CLIENTS * length.toSeconds());
        assertThat(heapAfter - heapBefore).as("heap growth after GC, bytes").isLessThan(64L << 20);
      }
    }
  }

  private void keepAliveClient(int port, int n, AtomicLong answers, ConcurrentLinkedQueue<String> errors) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int i = 0; running; i++) {
        String target = (n + i) % 20 == 0 ? "/report/fragment"
            : "/stats?window=year&family=" + FAMILIES[(n + i) % FAMILIES.length] + "&seniority=all";
        out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int status = readAnswer(in);
        if (status != 200) {
          errors.add(target + " answered " + status);
          return;
        }
        answers.incrementAndGet();
        Thread.sleep(100);
      }
    } catch (IOException e) {
      errors.add("client " + n + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads one answer (head and Content-Length body) and returns its status. */
  private static int readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      head.write(c);
      matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
    return Integer.parseInt(text.split(" ")[1]);
  }

  private void slowClient(int port) {
    while (running) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        OutputStream out = socket.getOutputStream();
        out.write("GET /hea".getBytes(StandardCharsets.US_ASCII));
        while (running) {
          Thread.sleep(1000);
          out.write('l');
          out.flush();
        }
      } catch (IOException dropped) {
        // the server dropped it; come back, as a slowloris does
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void probe(int port, List<Long> health, ConcurrentLinkedQueue<String> errors) {
    while (running) {
      try {
        RawHttp.Reply reply = RawHttp.send(port, RawHttp.request("GET", "/health", port), Duration.ofSeconds(5));
        health.add(reply.millis());
        if (reply.status() != 200) {
          errors.add("health answered " + reply.status() + ": " + reply.body());
        }
        Thread.sleep(200);
      } catch (IOException e) {
        errors.add("health: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
