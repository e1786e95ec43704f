package io.jobstream.app.cli;

import io.jobstream.app.KafkaSettings;
import io.jobstream.app.metrics.MetricsServer;
import io.jobstream.app.monitor.AggregateMonitor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = "Read jobs.salary.stats and jobs.salary.divergence and serve the current window's"
        + " statistics and pay gaps as Prometheus gauges on /metrics, until Ctrl-C.")
public final class MonitorCommand implements Callable<Integer> {

  @Mixin
  KafkaOptions kafka;

  @Mixin
  MetricsOptions metrics;

  @Option(names = "--group-id", paramLabel = "ID", defaultValue = AggregateMonitor.DEFAULT_GROUP,
      description = "Consumer group of the monitor (default: ${DEFAULT-VALUE}).")
  String groupId;

  @Override
  public Integer call() throws Exception {
    KafkaSettings settings = kafka.requireBootstrap();
    if (metrics.port == -2) {
      throw new IllegalArgumentException("the monitor exists to serve /metrics: --metrics-port -2 is not allowed");
    }
    AggregateMonitor[] monitor = new AggregateMonitor[1];
    try (MetricsServer server = metrics.start(9403, () -> monitor[0] != null && monitor[0].caughtUp())) {
      monitor[0] = new AggregateMonitor(settings.client(), groupId, server.registry());
      Runtime.getRuntime().addShutdownHook(new Thread(monitor[0]::close, "monitor-shutdown"));
      System.out.println("monitor: gauges on http://" + metrics.host + ":" + server.port()
          + "/metrics. Ctrl-C stops it.");
      monitor[0].run();
    }
    return 0;
  }
}
