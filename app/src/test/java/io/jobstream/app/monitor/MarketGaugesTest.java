package io.jobstream.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.SalaryDivergence;
import io.jobstream.model.SalaryStats;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarketGaugesTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MarketGauges gauges = new MarketGauges(registry);

  private static SalaryStats stats(String family, String seniority, String country, String start, long count, Double median) {
    LocalDate s = LocalDate.parse(start);
    return new SalaryStats(1, family, seniority, country, "all", "month", s, s.plusMonths(1), count,
        median == null ? 0 : count, 2, "USD", median, median, median, median, median, median, median, median,
        0.0, median, median, 0.25, new SalaryStats.EmphasisShares(4, 0.5, 0.25, 0.25), 0.1, Instant.EPOCH);
  }

  private static SalaryDivergence gap(String start, String seniority, double gap, boolean significant, String verdict) {
    LocalDate s = LocalDate.parse(start);
    return new SalaryDivergence(1, "ml_engineer", "data_scientist", "year", s, s.plusYears(1), seniority, "all",
        40, 50, 150_000 + gap, 150_000, gap, (150_000 + gap) / 150_000, gap - 5_000, gap + 5_000,
        significant ? 0.001 : 0.4, significant, 0.05, "USD", "test",
        verdict == null ? null : new SalaryDivergence.Trend(s.minusYears(1), gap - 1_000, 1_000, -500, 2_500, verdict),
        Instant.EPOCH);
  }

  private double value(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void showsTheLatestWindowOfEachGroupAndIgnoresOlderOnes() {
    SalaryStats april = stats("data_scientist", "all", "all", "2024-04-01", 10, 150_000.0);
    gauges.stats(april.key(), april);
    SalaryStats march = stats("data_scientist", "all", "all", "2024-03-01", 99, 1.0);
    gauges.stats(march.key(), march);

    assertThat(value("jobstream.market.postings", "window", "month", "family", "data_scientist", "seniority", "all"))
        .isEqualTo(10.0);
    assertThat(value("jobstream.market.pay", "statistic", "median", "family", "data_scientist")).isEqualTo(150_000.0);
    assertThat(value("jobstream.market.emphasis.share", "emphasis", "ml_heavy")).isEqualTo(0.5);
    assertThat(value("jobstream.market.window.start.seconds", "family", "data_scientist"))
        .isEqualTo(LocalDate.parse("2024-04-01").toEpochDay() * 86_400.0);
    assertThat(registry.get("jobstream.monitor.records").tags("topic", "stats", "outcome", "older_window").counter().count())
        .isEqualTo(1.0);

    SalaryStats may = stats("data_scientist", "all", "all", "2024-05-01", 3, null);
    gauges.stats(may.key(), may);
    assertThat(value("jobstream.market.postings", "family", "data_scientist")).isEqualTo(3.0);
    assertThat(value("jobstream.market.pay", "statistic", "median", "family", "data_scientist")).isNaN();
  }

  @Test
  void countrySlicesAreNotGaugesSoLabelsStayBounded() {
    SalaryStats byCountry = stats("data_scientist", "all", "DE", "2024-04-01", 10, 1.0);
    gauges.stats(byCountry.key(), byCountry);
    assertThat(registry.find("jobstream.market.postings").gauges()).isEmpty();
    assertThat(gauges.series()).isZero();
  }

  @Test
  void theAdjustedGapIsAGaugeBesideTheRawOneForSeniorityAllOnly() {
    SalaryDivergence raw = gap("2024-01-01", "all", 34_000, true, null);
    SalaryDivergence all = new SalaryDivergence(raw.schemaVersion(), raw.a(), raw.b(), raw.window(),
        raw.windowStart(), raw.windowEnd(), raw.seniority(), raw.country(), raw.nA(), raw.nB(), raw.medianA(),
        raw.medianB(), raw.gap(), raw.ratio(), raw.ciLow(), raw.ciHigh(), raw.pValue(), raw.significant(),
        raw.alpha(), raw.currency(), raw.method(), raw.trend(), raw.updatedAt(), 29_000.0, 24_000.0, 34_000.0, 0.9,
        java.util.List.of(new SalaryDivergence.AdjustedCell("senior", "US", 40, 50, 180_000, 151_000, 29_000, 1)));
    gauges.divergence(all.key(), all);
    String[] tags = {"pair", "ml_engineer:data_scientist", "window", "year", "seniority", "all"};
    assertThat(value("jobstream.market.gap", tags)).isEqualTo(34_000.0);
    assertThat(value("jobstream.market.gap.adjusted", tags)).isEqualTo(29_000.0);
    assertThat(value("jobstream.market.gap.adjusted.ci.low", tags)).isEqualTo(24_000.0);
    assertThat(value("jobstream.market.gap.adjusted.ci.high", tags)).isEqualTo(34_000.0);
    assertThat(value("jobstream.market.gap.adjusted.coverage", tags)).isEqualTo(0.9);
    // a record without the adjusted gap (an older one, or no usable cell): NaN, not a stale value
    SalaryDivergence y2025 = gap("2025-01-01", "all", 30_000, true, null);
    gauges.divergence(y2025.key(), y2025);
    assertThat(value("jobstream.market.gap.adjusted", tags)).isNaN();
    // per seniority there is no adjusted gap, and no series for it
    SalaryDivergence senior = gap("2025-01-01", "senior", 30_000, true, null);
    gauges.divergence(senior.key(), senior);
    assertThat(registry.find("jobstream.market.gap.adjusted").gauges()).hasSize(1);
    assertThat(registry.find("jobstream.market.gap").gauges()).hasSize(2);
  }

  @Test
  void divergenceGaugesFollowTheRecordAndATombstoneOfTheShownWindowRemovesThem() {
    SalaryDivergence y2024 = gap("2024-01-01", "all", 34_000, true, "widened");
    gauges.divergence(y2024.key(), y2024);
    String[] tags = {"pair", "ml_engineer:data_scientist", "window", "year", "seniority", "all"};
    assertThat(value("jobstream.market.gap", tags)).isEqualTo(34_000.0);
    assertThat(value("jobstream.market.gap.significant", tags)).isEqualTo(1.0);
    assertThat(value("jobstream.market.gap.p.value", tags)).isEqualTo(0.001);
    assertThat(value("jobstream.market.gap.ci.low", tags)).isEqualTo(29_000.0);
    assertThat(value("jobstream.market.gap.trend", tags)).isEqualTo(1.0);
    assertThat(registry.get("jobstream.market.gap.n").tags(tags).tag("side", "b").gauge().value()).isEqualTo(50.0);

    SalaryDivergence senior = gap("2024-01-01", "senior", -10, false, null);
    gauges.divergence(senior.key(), senior);
    assertThat(value("jobstream.market.gap.trend", "seniority", "senior")).isNaN();
    assertThat(value("jobstream.market.gap.significant", "seniority", "senior")).isZero();

    // a tombstone of an older window leaves the shown one alone; one of the shown window removes it
    gauges.divergence(gap("2023-01-01", "all", 0, false, null).key(), null);
    assertThat(registry.find("jobstream.market.gap").tags(tags).gauge()).isNotNull();
    gauges.divergence(y2024.key(), null);
    assertThat(registry.find("jobstream.market.gap").tags(tags).gauge()).isNull();
    assertThat(registry.find("jobstream.market.gap").tag("seniority", "senior").gauge()).isNotNull();
    assertThat(gauges.series()).isEqualTo(1);
  }

  @Test
  void aRecordWithoutItsGroupFieldsIsCountedAndShowsNothing() {
    SalaryStats noFamily = stats(null, "all", "all", "2024-04-01", 10, 1.0);
    gauges.stats("month|2024-04-01||all|all|all", noFamily);
    assertThat(gauges.series()).isZero();
    assertThat(registry.find("jobstream.market.postings").gauges()).isEmpty();
    assertThat(registry.get("jobstream.monitor.records").tags("topic", "stats", "outcome", "unreadable").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void theNumberOfLabelSetsIsCapped() {
    for (int i = 0; i < MarketGauges.MAX_SERIES + 10; i++) {
      SalaryStats s = stats("family_" + i, "all", "all", "2024-04-01", 1, 1.0);
      gauges.stats(s.key(), s);
    }
    assertThat(gauges.series()).isEqualTo(MarketGauges.MAX_SERIES);
    assertThat(registry.get("jobstream.monitor.records").tags("outcome", "overflow").counter().count()).isEqualTo(10.0);
    Set<String> families = registry.find("jobstream.market.postings").gauges().stream()
        .map(g -> g.getId().getTag("family")).collect(Collectors.toSet());
    assertThat(families).hasSize(MarketGauges.MAX_SERIES);
  }

  @Test
  void everyGaugeOfAGroupCarriesTheSameBoundedLabels() {
    SalaryStats april = stats("ml_engineer", "senior", "all", "2024-04-01", 10, 1.0);
    gauges.stats(april.key(), april);
    for (Meter meter : registry.getMeters()) {
      if (meter.getId().getName().startsWith("jobstream.market.")) {
        assertThat(meter.getId().getTags().stream().map(t -> t.getKey()).collect(Collectors.toSet()))
            .containsAll(Set.of("window", "family", "seniority", "currency"))
            .isSubsetOf(Set.of("window", "family", "seniority", "currency", "statistic", "emphasis"));
      }
    }
  }
}
