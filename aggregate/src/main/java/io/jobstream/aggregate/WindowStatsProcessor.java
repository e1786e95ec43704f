package io.jobstream.aggregate;

import io.jobstream.model.SalaryStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns a changed day bucket into the statistics of every window that contains that day. The
 * processor keeps the latest bucket of every day of the groups its task owns (input is keyed by
 * group, so all days of a group meet here); each window is the merge of the buckets inside it,
 * read with one range scan (store keys are {@code group|yyyy-MM-dd}, so a group's days are
 * contiguous and in date order).
 */
final class WindowStatsProcessor implements Processor<String, DayBucketUpdate, String, SalaryStats> {

  private final List<WindowSpec> specs;
  private final String bucketStoreName;
  private final String reportingCurrency;
  private ProcessorContext<String, SalaryStats> context;
  private KeyValueStore<String, DayBucket> buckets;

  WindowStatsProcessor(List<WindowSpec> specs, String bucketStoreName, String reportingCurrency) {
    this.specs = specs;
    this.bucketStoreName = bucketStoreName;
    this.reportingCurrency = reportingCurrency;
  }

  @Override
  public void init(ProcessorContext<String, SalaryStats> context) {
    this.context = context;
    this.buckets = context.getStateStore(bucketStoreName);
  }

  @Override
  public void process(Record<String, DayBucketUpdate> record) {
    DayBucketUpdate update = record.value();
    BucketKey key = new BucketKey(update.family(), update.day());
    buckets.put(key.toString(), update.bucket());
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    for (WindowSpec spec : specs) {
      for (WindowSpec.Window window : spec.windowsContaining(key.day())) {
        SalaryStats stats = statsOf(key.family(), spec, window, now);
        context.forward(new Record<>(stats.key(), stats, record.timestamp()));
      }
    }
  }

  private SalaryStats statsOf(String family, WindowSpec spec, WindowSpec.Window window, Instant now) {
    long count = 0;
    PayDistribution pay = new PayDistribution();
    LocalDate lastDay = window.end().minusDays(1);
    try (KeyValueIterator<String, DayBucket> it = buckets.range(
        BucketKey.of(family, window.start()), BucketKey.of(family, lastDay))) {
      while (it.hasNext()) {
        DayBucket bucket = it.next().value;
        count += bucket.count();
        pay.addAll(bucket.pay());
      }
    }
    boolean hasPay = pay.size() > 0;
    return new SalaryStats(
        SalaryStats.SCHEMA_VERSION,
        family,
        "all",
        "all",
        "all",
        spec.text(),
        window.start(),
        window.end(),
        count,
        pay.size(),
        0,
        reportingCurrency,
        hasPay ? pay.min() : null,
        hasPay ? pay.quantile(0.10) : null,
        hasPay ? pay.quantile(0.25) : null,
        hasPay ? pay.quantile(0.50) : null,
        hasPay ? pay.quantile(0.75) : null,
        hasPay ? pay.quantile(0.90) : null,
        hasPay ? pay.max() : null,
        hasPay ? pay.mean() : null,
        hasPay ? pay.stddev() : null,
        now);
  }
}
