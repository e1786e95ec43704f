package io.jobstream.aggregate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class JobstreamConfigTest {

  private static Properties with(String... keyValues) {
    Properties props = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  @Test
  void unsetKeysTakeTheirDeclaredDefaults() {
    JobstreamConfig config = JobstreamConfig.from(with("bootstrap.servers", "127.0.0.1:9092"));
    assertThat(config.getString(JobstreamConfig.WINDOWS_CONFIG)).isEqualTo("30d/1d");
    assertThat(config.getLong(JobstreamConfig.GRACE_CONFIG)).isEqualTo(3650L);
    assertThat(config.getLong(JobstreamConfig.EMIT_PAUSE_CONFIG)).isEqualTo(3L);
    assertThat(config.getDouble(JobstreamConfig.ALPHA_CONFIG)).isEqualTo(0.05);
    assertThat(config.getInt(JobstreamConfig.PARTITIONS_CONFIG)).isEqualTo(6);
    assertThat(config.getInt(JobstreamConfig.RAW_PARTITIONS_CONFIG)).isEqualTo(1);
    assertThat(config.getBoolean(JobstreamConfig.ACCEPT_INEXACT_CONFIG)).isFalse();
    assertThat(config.getString(JobstreamConfig.TAXONOMY_CONFIG)).isNull();
  }

  @Test
  void setValuesAreReadTrimmed() {
    JobstreamConfig config = JobstreamConfig.from(with(JobstreamConfig.WINDOWS_CONFIG, " month,year ",
        JobstreamConfig.MIN_N_CONFIG, " 12 ", JobstreamConfig.ACCEPT_INEXACT_CONFIG, "TRUE"));
    assertThat(config.getString(JobstreamConfig.WINDOWS_CONFIG)).isEqualTo("month,year");
    assertThat(config.getLong(JobstreamConfig.MIN_N_CONFIG)).isEqualTo(12L);
    assertThat(config.getBoolean(JobstreamConfig.ACCEPT_INEXACT_CONFIG)).isTrue();
  }

  @Test
  void badValuesAreUsageErrorsNamingTheKey() {
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.DUPLICATE_PERIOD_CONFIG, "sixty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobstream.duplicates.period-days is not a whole number: 'sixty'");
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.ALPHA_CONFIG, "1.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobstream.divergence.alpha must be above 0 and below 1, not 1.5");
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.PARTITIONS_CONFIG, "0")))
        .hasMessage("jobstream.partitions must be at least 1, not 0");
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.EMIT_PAUSE_CONFIG, "1001")))
        .hasMessage("jobstream.windows.emit-pause-factor must be at most 1000, not 1001");
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.ACCEPT_INEXACT_CONFIG, "yes")))
        .hasMessage("jobstream.statistics.accept-inexact is not true or false: 'yes'");
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.WINDOWS_CONFIG, "30x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("jobstream.windows: ");
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.PAIRS_CONFIG, "ml_engineer")))
        .hasMessage("jobstream.divergence.pairs: 'ml_engineer' is not FAMILY_A:FAMILY_B");
    assertThatThrownBy(() -> JobstreamConfig.from(with(JobstreamConfig.PAY_RANGES_CONFIG, "hour=9..")))
        .hasMessageStartingWith("jobstream.classify.pay-ranges: ");
  }

  @Test
  void userKeysAreTheDeclaredOnesButTheInternal() {
    assertThat(JobstreamConfig.userKeys())
        .contains(JobstreamConfig.WINDOWS_CONFIG, JobstreamConfig.PARTITIONS_CONFIG, JobstreamConfig.STALL_TIMEOUT_CONFIG,
            JobstreamConfig.ACCEPT_INEXACT_CONFIG, JobstreamConfig.PAIRS_CONFIG)
        .doesNotContain(JobstreamConfig.RAW_PARTITIONS_CONFIG)
        .allMatch(key -> key.startsWith("jobstream."))
        .hasSize(JobstreamConfig.DEFINITION.names().size() - 1);
  }
}
