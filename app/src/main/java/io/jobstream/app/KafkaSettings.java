package io.jobstream.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Settings from the {@code --config} properties file and {@code --bootstrap-servers}. Keys that
 * start with {@code jobstream.} or {@code ingest.} are jobstream's own; every other key is a Kafka
 * client setting passed through unchanged (SASL, SSL, timeouts, ...).
 */
public final class KafkaSettings {

  private final Properties all;

  private KafkaSettings(Properties all) {
    this.all = all;
  }

  /**
   * @param configFile optional properties file
   * @param bootstrapServers overrides {@code bootstrap.servers} from the file when given
   * @throws IllegalArgumentException when the file cannot be read, or names a jobstream key
   *     jobstream does not know (a usage error)
   */
  public static KafkaSettings load(Path configFile, String bootstrapServers) {
    Properties props = new Properties();
    if (configFile != null) {
      try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        props.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot read config file " + configFile + ": " + e.getMessage());
      }
    }
    if (bootstrapServers != null) {
      props.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
    KnownSettings.check(props);
    return new KafkaSettings(props);
  }

  public boolean hasBootstrapServers() {
    return all.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
  }

  /** This settings object with {@code bootstrap.servers} set. */
  public KafkaSettings withBootstrapServers(String servers) {
    Properties copy = new Properties();
    copy.putAll(all);
    copy.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
    return new KafkaSettings(copy);
  }

  /** Kafka client settings only. */
  public Properties client() {
    Properties client = new Properties();
    all.forEach((k, v) -> {
      String key = k.toString();
      if (!key.startsWith("jobstream.") && !key.startsWith("ingest.")) {
        client.put(key, v);
      }
    });
    return client;
  }

  /** jobstream's own settings ({@code jobstream.*}, {@code ingest.*}). */
  public Properties own() {
    Properties own = new Properties();
    all.forEach((k, v) -> {
      String key = k.toString();
      if (key.startsWith("jobstream.") || key.startsWith("ingest.")) {
        own.put(key, v);
      }
    });
    return own;
  }

  public String get(String key, String defaultValue) {
    return all.getProperty(key, defaultValue);
  }
}
