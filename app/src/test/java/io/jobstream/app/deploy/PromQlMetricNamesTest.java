package io.jobstream.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

  @Test
  void aBareSelectorAndOneWithMatchersAreNames() {
    assertThat(PromQlMetricNames.of("jobstream_stream_running").names()).containsExactly("jobstream_stream_running");
    assertThat(PromQlMetricNames.of("up{job=~\"jobstream-.*\", instance!=\"x\"} == 0").names()).containsExactly("up");
  }

  @Test
  void functionsAggregationsAndTheirLabelListsAreNotNames() {
    assertThat(PromQlMetricNames.of(
        "sum by (source, outcome) (rate(jobstream_ingest_postings_total[$__rate_interval]))").names())
        .containsExactly("jobstream_ingest_postings_total");
    assertThat(PromQlMetricNames.of("sum(rate(a_total[5m])) without (instance) / ignoring (statistic) group_left (family) b").names())
        .containsExactly("a_total", "b");
    assertThat(PromQlMetricNames.of("max by(job) (kafka_consumer_fetch_manager_records_lag_max) > 50000").names())
        .containsExactly("kafka_consumer_fetch_manager_records_lag_max");
    assertThat(PromQlMetricNames.of("time() - max by (instance) (jobstream_stream_last_processed_seconds > 0)").names())
        .containsExactly("jobstream_stream_last_processed_seconds");
    assertThat(PromQlMetricNames.of("count_values(\"version\", build_info) and on () topk(3, x)").names())
        .containsExactly("build_info", "x");
  }

  @Test
  void histogramSeriesKeepTheirSuffix() {
    assertThat(PromQlMetricNames.of(
        "histogram_quantile(0.99, sum by (le) (rate(jobstream_stream_latency_seconds_bucket[$__rate_interval])))").names())
        .containsExactly("jobstream_stream_latency_seconds_bucket");
    assertThat(PromQlMetricNames.of("rate(d_seconds_sum[5m]) / rate(d_seconds_count[5m])").names())
        .containsExactly("d_seconds_count", "d_seconds_sum");
  }

  @Test
  void rangesSubqueriesOffsetsNumbersAndOperatorsAreNotNames() {
    assertThat(PromQlMetricNames.of("abs(g - (g offset 7d)) > 1e4 unless g @ start() or max_over_time(g[1h:5m] offset -1h)").names())
        .containsExactly("g");
    assertThat(PromQlMetricNames.of("p{statistic=\"median\"} < 0.9 * (p offset 7d) and bool q >= 30").names())
        .containsExactly("p", "q");
    assertThat(PromQlMetricNames.of("vector(1) + Inf - NaN").names()).isEmpty();
  }

  @Test
  void stringsAndVariablesAreNotNames() {
    assertThat(PromQlMetricNames.of(
        "label_replace(m{family=~\"$family\", window=\"$window\"}, \"dst\", \"not_a_metric\", \"src\", \"(.*)\")").names())
        .containsExactly("m");
  }

  @Test
  void nameMatchersGiveANameOrAPattern() {
    PromQlMetricNames.Names names = PromQlMetricNames.of(
        "count({__name__=~\"kafka_producer_.+\", job=\"jobstream-ingest\"}) + {__name__=\"x_total\"} + {\"dotted.name\"}");
    assertThat(names.names()).containsExactly("dotted.name", "x_total");
    assertThat(names.patterns()).containsExactly("kafka_producer_.+");
  }
}
