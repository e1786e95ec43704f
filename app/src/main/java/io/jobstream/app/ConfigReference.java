package io.jobstream.app;

import io.jobstream.aggregate.config.JobstreamConfig;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The configuration reference, {@code docs/configuration.md}: a short introduction, the Kafka
 * client settings jobstream sets defaults for, the {@code ingest.*} keys, and a table of every
 * user key of {@link JobstreamConfig#DEFINITION} (name, type, default, valid values, meaning),
 * written from the {@code ConfigDef} so that it cannot drift from the code. {@code ./jobstream
 * config-reference > docs/configuration.md} writes the page; {@code ConfigReferenceTest} fails
 * when the committed page differs.
 */
public final class ConfigReference {

  private ConfigReference() {}

  /** The whole page, Markdown, ending with a newline. */
  public static String page() {
    StringBuilder out = new StringBuilder();
    out.append("""
        # Configuration

        What this page is for: the settings of `--config FILE`: which keys jobstream reads, their \
        types, defaults and valid values, and what is refused at start.

        <!-- Generated from JobstreamConfig (aggregate/src/main/java/io/jobstream/aggregate/config/) \
        by `./jobstream config-reference > docs/configuration.md`; do not edit by hand. -->

        `--config FILE` is a Java properties file. Keys starting with `jobstream.` or `ingest.` are
        jobstream's; every other key is handed to the Kafka clients unchanged, so SASL or SSL clusters
        need no code changes. Mistakes stop the command at start with exit code 2 and the key named,
        before it talks to the cluster: a `jobstream.` or `ingest.` key that jobstream does not know
        (`unknown setting jobstream.windowz (did you mean jobstream.windows?)`), a value that cannot be
        read or is outside the valid values below, a divergence pair naming a family the taxonomy does
        not have, a taxonomy family id with characters other than lower-case letters, digits and `_`
        (ids are parts of topic keys), and a `processing.guarantee` other than `exactly_once_v2`
        without `jobstream.statistics.accept-inexact=true`. `--bootstrap-servers` overrides
        `bootstrap.servers`.

        ## Kafka client settings

        | key | default | meaning |
        | --- | --- | --- |
        | `bootstrap.servers`, `security.protocol`, `sasl.*`, `ssl.*`, ... | | Kafka client settings |
        | `application.id` | `jobstream-stream` | the streams app's id (and internal topic prefix) |
        | `processing.guarantee` | `exactly_once_v2` | |
        | `commit.interval.ms` | `1000` | also how often statistics are re-emitted |
        | `num.standby.replicas` | `1` | a standby copy of every store on another instance, so a lost instance's tasks resume without a full restore |
        | `replication.factor`, `topic.min.insync.replicas` | the cluster's | internal topics (changelogs, repartitions) take the cluster's defaults; set them for a cluster whose defaults are not what you want |

        ## Ingest settings

        | key | default | meaning |
        | --- | --- | --- |
        | `ingest.greenhouse.base-url`, `ingest.lever.base-url`, `ingest.ashby.base-url`, `ingest.recruitee.base-url` | see [Ingest](ingest.md#source-specs) | job-board API base (scheme, host, port), e.g. for a mirror |

        ## jobstream settings

        | key | type | default | valid values | meaning |
        | --- | --- | --- | --- | --- |
        """);
    List<ConfigDef.ConfigKey> keys = JobstreamConfig.DEFINITION.configKeys().values().stream()
        .filter(k -> !k.internalConfig)
        .sorted(Comparator.comparing((ConfigDef.ConfigKey k) -> k.name))
        .toList();
    for (ConfigDef.ConfigKey key : keys) {
      out.append("| `").append(key.name).append("` | ")
          .append(key.type.name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
          .append(key.defaultValue == null ? "none" : "`" + key.defaultValue + "`").append(" | ")
          .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
          .append(cell(key.documentation)).append(" |\n");
    }
    out.append("""

        Example for a SASL/SSL cluster: `deploy/config/jobstream.properties.example`.
        """);
    return out.toString();
  }

  /** A table cell: a pipe would end it. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
