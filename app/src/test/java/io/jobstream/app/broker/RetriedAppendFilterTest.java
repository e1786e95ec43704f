package io.jobstream.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class RetriedAppendFilterTest {

  private static LogEvent append(Throwable thrown) {
    return Log4jLogEvent.newBuilder().setLoggerName("kafka.server.ReplicaManager").setLevel(Level.ERROR)
        .setMessage(new SimpleMessage("[ReplicaManager broker=1] Error processing append operation on partition t-0"))
        .setThrown(thrown).build();
  }

  @Test
  void keepsOnlyTheRetriedFirstAppendOutOfTheLog() {
    RetriedAppendFilter filter = RetriedAppendFilter.createFilter();
    long before = RetriedAppendFilter.suppressed();
    assertThat(filter.filter(append(new OutOfOrderSequenceException("Invalid sequence number for producer 1 at"
        + " offset 326 in partition t-0: 13 (incoming seq. number). Expected sequence 0"
        + " for transactions v2 idempotent producer with no existing state."))))
        .isEqualTo(Filter.Result.DENY);
    assertThat(RetriedAppendFilter.suppressed()).isEqualTo(before + 1);
    // a gap in the sequence of a producer the broker knows is a real error, and stays in the log
    assertThat(filter.filter(append(new OutOfOrderSequenceException("Out of order sequence number for producer 7"
        + " at offset 11 in partition t-0: 51 (incoming seq. number), 49 (current end sequence number)"))))
        .isEqualTo(Filter.Result.NEUTRAL);
    assertThat(filter.filter(append(new IllegalStateException("disk full")))).isEqualTo(Filter.Result.NEUTRAL);
    assertThat(filter.filter(append(null))).isEqualTo(Filter.Result.NEUTRAL);
  }

  @Test
  void theShippedLogConfigurationFiltersTheBrokersAppendErrors() {
    LoggerConfig config = LoggerContext.getContext(false).getConfiguration()
        .getLoggerConfig("kafka.server.ReplicaManager");
    assertThat(config.getName()).isEqualTo("kafka.server.ReplicaManager");
    assertThat(config.getFilter()).isInstanceOf(RetriedAppendFilter.class);
  }
}
