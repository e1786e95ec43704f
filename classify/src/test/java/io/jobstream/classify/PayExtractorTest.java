package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PayExtractorTest {

  private static final LocalDate ON = LocalDate.of(2024, 6, 1);
  private final PayExtractor extractor = new PayExtractor();

  /** The formats named in the classify issue. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "$53K-$91K (Glassdoor est.)| USD| year| 53000| 91000",
      "$17-$24 Per Hour| USD| hour| 17| 24",
      "Employer Provided Salary:$150K-$160K| USD| year| 150000| 160000",
      "$120,000 - $150,000 a year| USD| year| 120000| 150000",
      "$62/hr| USD| hour| 62| 62",
      "Up to $200K| USD| year| 200000| 200000",
      "£45,000 - £55,000 per annum| GBP| year| 45000| 55000",
      "€70.000 - €85.000 brutto jährlich| EUR| year| 70000| 85000",
      "CHF 120'000 - 140'000| CHF| year| 120000| 140000",
      "CA$90,000 - CA$110,000| CAD| year| 90000| 110000",
      "₹12,00,000 - ₹18,00,000 per annum| INR| year| 1200000| 1800000",
      "INR 25 LPA| INR| year| 2500000| 2500000",
      "120-150k USD + equity| USD| year| 120000| 150000",
      "Hourly rate: $45.50 - $55.25| USD| hour| 45.50| 55.25",
      "€4.500 brutto pro Monat| EUR| month| 4500| 4500",
      "USD 2,500 - 3,000 per week| USD| week| 2500| 3000",
  })
  void readsTheFormatsJobAdsUse(String text, String currency, String period, double min, double max) {
    Salary s = extractor.fromText(text, null, ON).salary();
    assertThat(s).as(text).isNotNull();
    assertThat(s.currency()).isEqualTo(currency);
    assertThat(s.period()).isEqualTo(period);
    assertThat(s.min()).isCloseTo(min, within(0.001));
    assertThat(s.max()).isCloseTo(max, within(0.001));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Competitive salary", "DOE", "401(k) matching", "Travel 80%", "-1", "$0",
      "12-18 months contract", "", "Salary: negotiable", "$ -", "Raised $20M Series B"})
  void noPayIsBetterThanWrongPay(String text) {
    assertThat(extractor.fromText(text, "USD", ON).salary()).as(text).isNull();
  }

  @Test
  void annualizesAndConvertsToTheReportingCurrency() {
    Salary hourly = extractor.fromText("$17-$24 Per Hour", null, ON).salary();
    assertThat(hourly.annualMin()).isEqualTo(17 * 2080.0);
    assertThat(hourly.annualMaxReporting()).isEqualTo(24 * 2080.0);
    Salary pounds = extractor.fromText("£45,000 - £55,000 per annum", null, ON).salary();
    assertThat(pounds.reportingCurrency()).isEqualTo("USD");
    assertThat(pounds.annualMinReporting()).isCloseTo(45_000 / 0.783, within(0.01));
    Salary older = extractor.fromText("£45,000 per annum", null, LocalDate.of(2021, 3, 1)).salary();
    assertThat(older.annualMinReporting()).isCloseTo(45_000 / 0.727, within(0.01));
  }

  @Test
  void implausibleFiguresAreFlaggedNotKept() {
    PayResult tiny = extractor.fromStructured("USD", null, new BigDecimal("200"), new BigDecimal("225"), "YEAR", ON);
    assertThat(tiny.salary()).isNull();
    assertThat(tiny.rejected()).contains("implausible");
    PayResult huge = extractor.fromText("$9,000,000 a year", null, ON);
    assertThat(huge.salary()).isNull();
    assertThat(huge.rejected()).contains("implausible");
  }

  @Test
  void structuredPayFromTheJobBoardApis() {
    Salary monthly = extractor.fromStructured("eur", null, new BigDecimal("4000"), new BigDecimal("5000"),
        "per-month-salary", ON).salary();
    assertThat(monthly.currency()).isEqualTo("EUR");
    assertThat(monthly.annualMax()).isEqualTo(60_000.0);
    Salary single = extractor.fromStructured("USD", new BigDecimal("131518"), null, null, "YEAR", ON).salary();
    assertThat(single.min()).isEqualTo(single.max());
    assertThat(extractor.fromStructured("USD", null, new BigDecimal("150000"), new BigDecimal("120000"),
        "YEAR", ON).salary()).isNull();
    assertThat(extractor.fromStructured("USD", new BigDecimal("100000"), null, null, "FORTNIGHT", ON)
        .rejected()).contains("unknown pay period");
    assertThat(extractor.fromStructured(null, new BigDecimal("100000"), null, null, "YEAR", ON).found())
        .isFalse();
  }

  /** The structured shapes of the job-board APIs and LinkedIn's export (shapes as documented by each job board). */
  @ParameterizedTest(name = "{0} {1}..{2} {3}")
  @CsvSource({
      "USD, 17, 24, HOURLY, hour, 35360, 49920",                // LinkedIn pay_period
      "USD, 71323, 89965, BIWEEKLY, year, 71323, 89965",        // LinkedIn: yearly figures given as BIWEEKLY, re-read
      "USD, 4817, 4817, MONTHLY, month, 57804, 57804",          // LinkedIn
      "EUR, 60000, 80000, per-year-salary, year, 60000, 80000", // Lever salaryRange.interval
      "GBP, 25, 30, per-hour-wage, hour, 52000, 62400",          // Lever
      "USD, 150000, 180000, 1 YEAR, year, 150000, 180000",       // Ashby compensation interval
      "USD, 300, 400, DAY, day, 78000, 104000",                  // schema.org unitText
  })
  void structuredShapes(String currency, String min, String max, String unit, String period,
      double annualMin, double annualMax) {
    Salary s = extractor.fromStructured(currency, null, new BigDecimal(min), new BigDecimal(max), unit, ON).salary();
    assertThat(s.period()).isEqualTo(period);
    assertThat(s.annualMin()).isEqualTo(annualMin);
    assertThat(s.annualMax()).isEqualTo(annualMax);
  }

  @Test
  void greenhouseRangesAreInCents() {
    Salary s = extractor.fromCents("USD", 12_000_000L, 15_000_000L, ON).salary();
    assertThat(s.annualMin()).isEqualTo(120_000.0);
    assertThat(s.annualMax()).isEqualTo(150_000.0);
  }

  @Test
  void recruiteeStringAmountsWithAPeriodWord() {
    // Recruitee gives min/max as strings and a period word
    Salary s = extractor.fromStructured("EUR", null, new BigDecimal("3500"), new BigDecimal("4500"), "month", ON).salary();
    assertThat(s.annualMax()).isEqualTo(54_000.0);
  }

  @Test
  void aCurrencyFieldAppliesToBareNumbersInShortSalaryFields() {
    Salary s = extractor.fromText("120000-150000", "EUR", ON).salary();
    assertThat(s.currency()).isEqualTo("EUR");
    assertThat(s.periodInferred()).isTrue();
    // but not to a number in running text without a period
    assertThat(extractor.fromText("We have 25000 customers and offer great benefits to our team members",
        "EUR", ON).salary()).isNull();
  }
}
