package io.jobstream.app.cli;

import io.jobstream.app.metrics.MetricsServer;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Option;

/** Options of the long-running commands that serve {@code /metrics} and {@code /health}. */
public final class MetricsOptions {

  @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "-1",
      description = "Port for /metrics (Prometheus) and /health; 0 picks a free one; default: the"
          + " command's own (ingest 9401, stream 9402, monitor 9403, demo 9400); -2 turns them off.")
  int port;

  @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address /metrics and /health bind to (default: ${DEFAULT-VALUE}).")
  String host;

  /** Starts the server on the chosen port (or the command's default), or returns null when off. */
  MetricsServer start(int defaultPort, BooleanSupplier ready) throws IOException {
    return start(defaultPort, () -> ready.getAsBoolean() ? null : "starting");
  }

  /** As above, with {@code /health} answering 503 and the reason while {@code problem} gives one. */
  MetricsServer start(int defaultPort, java.util.function.Supplier<String> problem) throws IOException {
    if (port == -2) {
      return null;
    }
    int chosen = port == -1 ? defaultPort : port;
    if (chosen < 0 || chosen > 65535) {
      throw new IllegalArgumentException("--metrics-port must be between 0 and 65535, or -2");
    }
    return new MetricsServer(host, chosen, problem);
  }
}
