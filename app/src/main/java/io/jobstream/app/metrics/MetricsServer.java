package io.jobstream.app.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus text format: the jobstream meters, JVM and process meters,
 * and whatever else is on Micrometer's global registry) and {@code /health} (200 {@code ready}
 * when the command is ready, else 503 with the reason, e.g. {@code starting}); {@code /health/live} is 200 while the
 * process runs) on the given address, 127.0.0.1 unless told otherwise.
 */
public final class MetricsServer implements AutoCloseable {

  private final HttpServer server;
  private final PrometheusMeterRegistry registry;

  /** @param ready what readiness means for the command (a pass done, ...); not ready says {@code starting} */
  public MetricsServer(String host, int port, BooleanSupplier ready) throws IOException {
    this(host, port, () -> ready.getAsBoolean() ? null : "starting");
  }

  /**
   * @param problem null when the command is ready, else why not (the body of the 503 answer),
   *     e.g. {@code starting (REBALANCING)} or which input partitions are stalled
   */
  public MetricsServer(String host, int port, Supplier<String> problem) throws IOException {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Metrics.addRegistry(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/metrics", e -> respond(e, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext("/health/live", e -> respond(e, 200, "text/plain", "live\n"));
    server.createContext("/health", e -> {
      String why = problem.get();
      respond(e, why == null ? 200 : 503, "text/plain", why == null ? "ready\n" : why + "\n");
    });
    server.start();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    Metrics.removeRegistry(registry);
    registry.close();
  }
}
