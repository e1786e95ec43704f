package io.jobstream.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.ingest.api.HnFirstLine.Result;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * First lines of "Who is hiring?" comments in the styles the thread uses, written for this test
 * (invented companies): the fields each style gives, and lines that are no header at all.
 */
class HnFirstLineTest {

  private static Result read(String line) {
    Result r = HnFirstLine.parse(line);
    assertThat(r.problem()).as("problem reading '%s'", line).isNull();
    return r;
  }

  private static void pay(SalaryGiven s, String currency, String min, String max, String unit) {
    assertThat(s).isNotNull();
    assertThat(s.currency()).isEqualTo(currency);
    if (min == null) {
      assertThat(s.min()).isNull();
    } else {
      assertThat(s.min()).isEqualByComparingTo(min);
    }
    if (max == null) {
      assertThat(s.max()).isNull();
    } else {
      assertThat(s.max()).isEqualByComparingTo(max);
    }
    assertThat(s.unit()).isEqualTo(unit);
  }

  @Test
  void pipesWithPlaceOrRemotePayAndType() {
    Result r = read("Acme Corp | Senior ML Engineer | San Francisco, CA or REMOTE (US) | $180k-$220k + equity | Full-time");
    assertThat(r.company()).isEqualTo("Acme Corp");
    assertThat(r.title()).isEqualTo("Senior ML Engineer");
    assertThat(r.location()).isEqualTo("San Francisco, CA or REMOTE (US)");
    assertThat(r.remote()).isTrue();
    assertThat(r.employmentType()).isEqualTo("Full-time");
    pay(r.salary(), "USD", "180000", "220000", "YEAR");
    assertThat(r.salary().text()).isEqualTo("$180k-$220k + equity");
  }

  @Test
  void onsiteMarkerAndEuroRangeInThousands() {
    Result r = read("Brindle Labs | Backend Engineer | Berlin, Germany | ONSITE | €80-100k");
    assertThat(r.location()).isEqualTo("Berlin, Germany");
    assertThat(r.remote()).isFalse();
    pay(r.salary(), "EUR", "80000", "100000", "YEAR");
  }

  @Test
  void spacedDashes() {
    Result r = read("Cobalt Harbor - Data Scientist - London - Hybrid - £70k–£90k");
    assertThat(r.company()).isEqualTo("Cobalt Harbor");
    assertThat(r.title()).isEqualTo("Data Scientist");
    assertThat(r.location()).isEqualTo("London");
    assertThat(r.remote()).isFalse();
    assertThat(r.hybrid()).isTrue();
    pay(r.salary(), "GBP", "70000", "90000", "YEAR");
  }

  @Test
  void slashes() {
    Result r = read("Dunmore Robotics / Firmware Engineer / Boston, MA / Onsite");
    assertThat(r.company()).isEqualTo("Dunmore Robotics");
    assertThat(r.title()).isEqualTo("Firmware Engineer");
    assertThat(r.location()).isEqualTo("Boston, MA");
    assertThat(r.remote()).isFalse();
    assertThat(r.salary()).isNull();
  }

  @Test
  void urlFieldAndVisa() {
    Result r = read("Ember Analytics | https://ember.example/careers | Staff Data Engineer | Remote (EU) | VISA");
    assertThat(r.company()).isEqualTo("Ember Analytics");
    assertThat(r.url()).isEqualTo("https://ember.example/careers");
    assertThat(r.title()).isEqualTo("Staff Data Engineer");
    assertThat(r.remote()).isTrue();
    assertThat(r.location()).isNull();
    assertThat(r.visaText()).isEqualTo("VISA");
  }

  @Test
  void payWithCodeAfterAndEquityPercentages() {
    Result r = read("Fjord AI (YC W24) | Founding ML Engineer | NYC | Full-time | 150,000-180,000 USD + 0.5-1% equity");
    assertThat(r.company()).isEqualTo("Fjord AI (YC W24)");
    assertThat(r.location()).isEqualTo("NYC");
    assertThat(r.remote()).isNull();
    pay(r.salary(), "USD", "150000", "180000", "YEAR");
  }

  @Test
  void severalRolesAndRemoteRegion() {
    Result r = read("Gale Systems | Multiple roles: SRE, Platform Engineer | Remote (US/Canada) | $160k - $200k");
    assertThat(r.title()).isEqualTo("Multiple roles: SRE, Platform Engineer");
    assertThat(r.remote()).isTrue();
    pay(r.salary(), "USD", "160000", "200000", "YEAR");
  }

  @Test
  void visaSponsorshipIsNotAPlace() {
    Result r = read("Halcyon Bio | Computational Biologist Engineer | Cambridge, UK | ONSITE | VISA SPONSORSHIP");
    assertThat(r.location()).isEqualTo("Cambridge, UK");
    assertThat(r.visaText()).isEqualTo("VISA SPONSORSHIP");
  }

  @Test
  void hourlyContract() {
    Result r = read("Ironleaf | Senior Frontend Engineer | REMOTE | $75/hr | Contract");
    assertThat(r.employmentType()).isEqualTo("Contract");
    assertThat(r.remote()).isTrue();
    SalaryGiven s = r.salary();
    assertThat(s.currency()).isEqualTo("USD");
    assertThat(s.value()).isEqualByComparingTo("75");
    assertThat(s.unit()).isEqualTo("HOUR");
  }

  @Test
  void placeBeforeTitleAndCanadianDollars() {
    Result r = read("Juniper Freight | Toronto, ON | Software Engineer | CA$140k-170k");
    assertThat(r.title()).isEqualTo("Software Engineer");
    assertThat(r.location()).isEqualTo("Toronto, ON");
    pay(r.salary(), "CAD", "140000", "170000", "YEAR");
  }

  @Test
  void urlInParenthesesAfterTheCompany() {
    Result r = read("Kestrel Data (https://kestrel.example) | Analytics Engineer | Remote, Europe");
    assertThat(r.company()).isEqualTo("Kestrel Data");
    assertThat(r.url()).isEqualTo("https://kestrel.example");
    assertThat(r.location()).isEqualTo("Remote, Europe");
    assertThat(r.remote()).isTrue();
  }

  @Test
  void allCapitals() {
    Result r = read("LUMEN GRID | ML ENGINEER | AUSTIN, TX | ONSITE");
    assertThat(r.company()).isEqualTo("LUMEN GRID");
    assertThat(r.title()).isEqualTo("ML ENGINEER");
    assertThat(r.location()).isEqualTo("AUSTIN, TX");
    assertThat(r.remote()).isFalse();
  }

  @Test
  void remoteOrHybridInACityAndCodeBeforeAmounts() {
    Result r = read("Marrow Health | Machine Learning Researcher | Remote or Hybrid in Seattle | USD 190k-240k");
    assertThat(r.location()).isEqualTo("Remote or Hybrid in Seattle");
    assertThat(r.remote()).isTrue();
    pay(r.salary(), "USD", "190000", "240000", "YEAR");
  }

  @Test
  void openEndedPay() {
    Result r = read("Nimbus Forge | Engineering Manager | Amsterdam | Hybrid (3 days) | €110k+");
    assertThat(r.location()).isEqualTo("Amsterdam");
    assertThat(r.remote()).isFalse();
    pay(r.salary(), "EUR", "110000", null, "YEAR");
  }

  @Test
  void swissFrancs() {
    Result r = read("Orchid Ledger | Senior Software Engineer (Rust) | Zurich, Switzerland | CHF 140-170k");
    assertThat(r.title()).isEqualTo("Senior Software Engineer (Rust)");
    pay(r.salary(), "CHF", "140000", "170000", "YEAR");
  }

  @Test
  void hourlyRangePartTime() {
    Result r = read("Pinecrest | Data Engineer | Remote | Part-time | $60-80/hour");
    assertThat(r.employmentType()).isEqualTo("Part-time");
    pay(r.salary(), "USD", "60", "80", "HOUR");
  }

  @Test
  void noPay() {
    Result r = read("Quarry Labs | Full Stack Developer | Remote (Worldwide) | Full Time");
    assertThat(r.salary()).isNull();
    assertThat(r.employmentType()).isEqualTo("Full Time");
    assertThat(r.remote()).isTrue();
  }

  @Test
  void inOfficeWithFullAmounts() {
    Result r = read("Ridgeline | Lead Platform Engineer | New York, NY | In-office | $200,000 - $250,000");
    assertThat(r.remote()).isFalse();
    pay(r.salary(), "USD", "200000", "250000", "YEAR");
  }

  @Test
  void emDashesAndAccents() {
    Result r = read("Sablewood Games — Gameplay Programmer — Montréal — ONSITE");
    assertThat(r.company()).isEqualTo("Sablewood Games");
    assertThat(r.title()).isEqualTo("Gameplay Programmer");
    assertThat(r.location()).isEqualTo("Montréal");
  }

  @Test
  void pipesWithoutSpaces() {
    Result r = read("Tessera Security|Security Engineer|Remote US|$170k-210k");
    assertThat(r.company()).isEqualTo("Tessera Security");
    assertThat(r.location()).isEqualTo("Remote US");
    pay(r.salary(), "USD", "170000", "210000", "YEAR");
  }

  @Test
  void ampersandCompanyAndCodeAfterRange() {
    Result r = read("Umber & Oak | Senior iOS Engineer | Remote (UTC±3) | 90-110k EUR");
    assertThat(r.company()).isEqualTo("Umber & Oak");
    pay(r.salary(), "EUR", "90000", "110000", "YEAR");
  }

  @Test
  void twoModesAndALabelledSalary() {
    Result r = read("Vireo Climate | Senior Data Scientist, Climate Risk | Denver, CO | REMOTE/ONSITE | Salary: $150k–$185k");
    assertThat(r.title()).isEqualTo("Senior Data Scientist, Climate Risk");
    assertThat(r.remote()).isTrue();
    pay(r.salary(), "USD", "150000", "185000", "YEAR");
  }

  @Test
  void internship() {
    Result r = read("Wrenfield | Software Engineer Intern | Palo Alto, CA | Internship | $50/hr");
    assertThat(r.employmentType()).isEqualTo("Internship");
    assertThat(r.salary().value()).isEqualByComparingTo(new BigDecimal("50"));
  }

  @Test
  void payAsTextOnly() {
    Result r = read("Xylem Works | ML Infra Engineer | SF Bay Area | Onsite | Competitive salary + equity");
    SalaryGiven s = r.salary();
    assertThat(s.text()).isEqualTo("Competitive salary + equity");
    assertThat(s.min()).isNull();
    assertThat(s.value()).isNull();
    assertThat(s.currency()).isNull();
  }

  @Test
  void monthlyEuros() {
    Result r = read("Yarrow Maps | GIS Developer | Lisbon | €4-6k/month");
    pay(r.salary(), "EUR", "4000", "6000", "MONTH");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "We are hiring!",
      "Hi HN, we're a small team building tools for farmers and we need help with everything from our backend to our mobile apps.",
      "Acme Corp",
      "https://jobs.example/hn",
      "| | |",
      "Acme Corp | San Francisco | REMOTE",
      "We're growing - come say hi"})
  void linesThatAreNoHeaderAreUnparseable(String line) {
    Result r = HnFirstLine.parse(line);
    assertThat(r.parsed()).isFalse();
    assertThat(r.problem()).isNotBlank();
    assertThat(r.company()).isNull();
  }

  @Test
  void proseLongerThanAHeader() {
    String line = "Acme | " + "We build things. ".repeat(30);
    assertThat(HnFirstLine.parse(line).problem()).contains("prose");
  }
}
