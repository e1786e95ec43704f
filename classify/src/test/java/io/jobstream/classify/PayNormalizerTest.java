package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PayNormalizerTest {

  private final PayNormalizer normalizer = new PayNormalizer();

  private static BigDecimal d(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  @Test
  void yearlyRangeIsKeptAsIs() {
    AnnualPay pay = normalizer.normalize("usd", null, d("120000"), d("150000"), "YEAR").orElseThrow();
    assertThat(pay.currency()).isEqualTo("USD");
    assertThat(pay.period()).isEqualTo("year");
    assertThat(pay.annualMin()).isEqualTo(120000);
    assertThat(pay.annualMax()).isEqualTo(150000);
  }

  @Test
  void hourlyIsTimes2080() {
    AnnualPay pay = normalizer.normalize("USD", null, d("17"), d("24"), "HOUR").orElseThrow();
    assertThat(pay.annualMin()).isEqualTo(17 * 2080.0);
    assertThat(pay.annualMax()).isEqualTo(24 * 2080.0);
  }

  @Test
  void monthlyAndWeeklyAndDaily() {
    assertThat(normalizer.normalize("USD", d("4817"), null, null, "MONTH").orElseThrow().annualMin())
        .isEqualTo(4817 * 12.0);
    assertThat(normalizer.normalize("USD", d("1000"), null, null, "WEEK").orElseThrow().annualMax())
        .isEqualTo(52_000.0);
    assertThat(normalizer.normalize("USD", d("300"), null, null, "DAY").orElseThrow().annualMax())
        .isEqualTo(78_000.0);
  }

  @Test
  void singleValueGivesEqualEnds() {
    AnnualPay pay = normalizer.normalize("EUR", d("70000"), null, null, null).orElseThrow();
    assertThat(pay.min()).isEqualTo(pay.max());
    assertThat(pay.period()).isEqualTo("year");
  }

  @Test
  void rejectsWhatIsNotPay() {
    assertThat(normalizer.normalize(null, d("100000"), null, null, "YEAR")).isEmpty();
    assertThat(normalizer.normalize("USD", d("0"), null, null, "YEAR")).isEmpty();
    assertThat(normalizer.normalize("USD", d("-1"), null, null, "YEAR")).isEmpty();
    assertThat(normalizer.normalize("USD", null, d("150000"), d("120000"), "YEAR")).isEmpty();
    assertThat(normalizer.normalize("USD", d("100000"), null, null, "FORTNIGHT")).isEmpty();
    assertThat(normalizer.normalize("USD", null, null, null, "YEAR")).isEmpty();
  }

  @Test
  void rejectsImplausibleAnnualFigures() {
    assertThat(normalizer.normalize("USD", d("500"), null, null, "YEAR")).isEmpty();
    assertThat(normalizer.normalize("USD", d("9000000"), null, null, "YEAR")).isEmpty();
  }
}
