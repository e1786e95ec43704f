package io.jobstream.app.cli;

import io.jobstream.app.KafkaSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of every command that talks to Kafka. */
public final class KafkaOptions {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka brokers to connect to (overrides bootstrap.servers in --config).")
  String bootstrapServers;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file: Kafka client settings (SASL, SSL, ...) passed through as they"
          + " are, plus jobstream.* and ingest.* settings (see docs/configuration.md).")
  Path configFile;

  /** Loads the settings; a missing or unreadable file is a usage error. */
  public KafkaSettings settings() {
    return KafkaSettings.load(configFile, bootstrapServers);
  }

  /** Loads the settings and insists that brokers are named. */
  public KafkaSettings requireBootstrap() {
    KafkaSettings settings = settings();
    if (!settings.hasBootstrapServers()) {
      throw new IllegalArgumentException(
          "no Kafka brokers: give --bootstrap-servers or bootstrap.servers in --config");
    }
    return settings;
  }
}
