package io.jobstream.app.metrics;

import io.jobstream.http.HttpLimits;
import io.jobstream.http.HttpServer;
import io.jobstream.http.Response;
import io.jobstream.http.Router;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code /metrics} (Prometheus text format: the jobstream meters, JVM and process meters,
 * and whatever else is on Micrometer's global registry), {@code /health} (200 {@code ready} when
 * the command is ready, else 503 with the reason, e.g. {@code starting}) and {@code /health/live}
 * (200 while the process runs) on the given address, 127.0.0.1 unless told otherwise; exactly
 * those paths, {@code GET} and {@code HEAD}.
 *
 * <p>Its own {@link HttpServer} ({@link #LIMITS}: 64 connections, 4 handler threads, the timeouts
 * of {@link HttpLimits#DEFAULTS}), apart from the query API's, and the readiness question runs on
 * its own thread within {@value HealthCheck#BUDGET_MS} ms ({@link HealthCheck}): probes are
 * answered within a second whatever the query API or slow clients of this port do.
 */
public final class MetricsServer implements AutoCloseable {

  /** Limits of the metrics port: few clients (a scraper, probes), small answers. */
  public static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withConnections(64, 4);

  private final HttpServer server;
  private final HealthCheck health;
  private final PrometheusMeterRegistry registry;

  /**
   * Leaves out Kafka Streams' meters of in-memory stores (the latest-day stores): they have the
   * names of the RocksDB stores' meters with another tag key ({@code in.memory.state.id}), which
   * Prometheus cannot hold beside them (it refused them with a warning). Configured before any
   * meter is registered: Micrometer applies a filter only to meters registered after it, and warns
   * when one comes later.
   */
  public static final io.micrometer.core.instrument.config.MeterFilter IN_MEMORY_STORE_METERS =
      io.micrometer.core.instrument.config.MeterFilter.deny(id -> id.getName().startsWith("kafka.stream.state.")
          && id.getTag("in.memory.state.id") != null);

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
    registry.config().meterFilter(IN_MEMORY_STORE_METERS);
    Metrics.addRegistry(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    this.health = new HealthCheck(problem);
    Router router = new Router()
        .get("/metrics", r -> Response.of(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()))
        .get("/health/live", r -> Response.text(200, "live\n"))
        .get("/health", r -> {
          String why = health.problem();
          return Response.text(why == null ? 200 : 503, why == null ? "ready\n" : why + "\n");
        });
    this.server = HttpServer.start("metrics", new InetSocketAddress(host, port), router, LIMITS);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    health.close();
    Metrics.removeRegistry(registry);
    registry.close();
  }
}
