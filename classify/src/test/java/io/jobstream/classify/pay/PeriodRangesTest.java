package io.jobstream.classify.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jobstream.classify.PayExtractor;
import io.jobstream.classify.PayResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodRangesTest {

  private final PeriodRanges ranges = PeriodRanges.defaults();

  @Test
  void amountsThatFitTheirPeriodAreReadAsGiven() {
    assertThat(ranges.read(17, 24, "hour").period()).isEqualTo("hour");
    assertThat(ranges.read(4_500, 6_000, "month").period()).isEqualTo("month");
    assertThat(ranges.read(95_000, 120_000, "year").period()).isEqualTo("year");
    // a month's pay also fits a year's range, but it fits its own, so nothing changes
    assertThat(ranges.read(30_000, 40_000, "month").period()).isEqualTo("month");
  }

  @Test
  void yearlyFiguresGivenWithAShorterPeriodAreReReadAsYearly() {
    PeriodRanges.Reading r = ranges.read(71_323, 89_965, "biweek");
    assertThat(r.rejected()).isFalse();
    assertThat(r.period()).isEqualTo("year");
    assertThat(ranges.read(150_000, 180_000, "hour").period()).isEqualTo("year");
  }

  @Test
  void amountsThatFitSeveralOrNoPeriodsAreRejectedWithTheReason() {
    PeriodRanges.Reading thousands = ranges.read(200, 225, "year");
    assertThat(thousands.rejected()).isTrue();
    assertThat(thousands.problem()).contains("per year", "200.00..225.00 USD", "plausible 1000..5000000",
        "per hour or per day or per week or per biweek or per month");
    PeriodRanges.Reading mixed = ranges.read(1, 130_813, "year");
    assertThat(mixed.rejected()).isTrue();
    assertThat(mixed.problem()).contains("no period fits");
  }

  @Test
  void overridesReplaceTheNamedPeriodsAndBadSpecsNameTheirPart() {
    PeriodRanges strict = PeriodRanges.withOverrides("hour=7..300, month=1000..50000");
    assertThat(strict.range("hour")).isEqualTo(new PeriodRanges.Range(7, 300));
    assertThat(strict.range("year")).isEqualTo(ranges.range("year"));
    // below the stricter hourly floor, 5..6 fits only the daily range
    assertThat(strict.read(5, 6, "hour").period()).isEqualTo("day");
    assertThatThrownBy(() -> PeriodRanges.withOverrides("fortnight=1..2")).hasMessageContaining("unknown period 'fortnight'");
    assertThatThrownBy(() -> PeriodRanges.withOverrides("hour=5")).hasMessageContaining("'hour=5' is not PERIOD=MIN..MAX");
    assertThatThrownBy(() -> PeriodRanges.withOverrides("hour=x..5")).hasMessageContaining("not numbers");
    assertThatThrownBy(() -> PeriodRanges.withOverrides("hour=9..5")).hasMessageContaining("0 < MIN < MAX");
  }

  @Test
  void theExtractorMarksAReReadPeriodAndChecksInUsDollars() {
    PayExtractor pay = new PayExtractor();
    PayResult biweekly = pay.fromStructured("USD", null, new BigDecimal("71323"), new BigDecimal("89965"),
        "BIWEEKLY", LocalDate.of(2024, 4, 20));
    assertThat(biweekly.salary().period()).isEqualTo("year");
    assertThat(biweekly.salary().periodGiven()).isEqualTo("biweek");
    assertThat(biweekly.salary().annualMax()).isEqualTo(89_965);
    PayResult kept = pay.fromStructured("USD", null, new BigDecimal("3000"), new BigDecimal("3500"),
        "BIWEEKLY", LocalDate.of(2024, 4, 20));
    assertThat(kept.salary().periodGiven()).isNull();
    // 2,500,000 rupees a month is about 30,000 dollars: plausible, so read as given
    PayResult rupees = pay.fromStructured("INR", null, new BigDecimal("2500000"), null, "MONTH",
        LocalDate.of(2024, 4, 20));
    assertThat(rupees.salary()).isNotNull();
    assertThat(rupees.salary().period()).isEqualTo("month");
    PayResult rejected = pay.fromStructured("USD", null, new BigDecimal("200"), new BigDecimal("225"),
        "YEARLY", LocalDate.of(2024, 4, 20));
    assertThat(rejected.salary()).isNull();
    assertThat(rejected.rejected()).contains("implausible pay per year", "USD 200..225 as given");
  }
}
