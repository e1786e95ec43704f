package io.jobstream.app.demo;

import java.util.List;
import java.util.Random;

/**
 * A country of the generated market: its cities, its currency, how its pay compares with the US
 * and how its employers state pay. Exchange rates are rough 2024 averages; they only need to keep
 * a generated survey row's salary and its dollar figure consistent.
 */
enum MarketPlace {

  US("US", "USD", 1.0, 0.70, 1.0, List.of("San Francisco, CA", "Seattle, WA", "New York, NY", "Austin, TX",
      "Boston, MA", "Chicago, IL", "Denver, CO", "Atlanta, GA", "Raleigh, NC", "San Diego, CA")),
  GB("GB", "GBP", 0.78, 0.08, 0.60, List.of("London", "Manchester", "Edinburgh", "Bristol")),
  DE("DE", "EUR", 0.92, 0.06, 0.58, List.of("Berlin", "Munich", "Hamburg")),
  FR("FR", "EUR", 0.92, 0.04, 0.52, List.of("Paris", "Lyon")),
  CA("CA", "CAD", 1.37, 0.06, 0.72, List.of("Toronto, ON", "Vancouver, BC", "Montreal, QC")),
  IN("IN", "INR", 83.5, 0.06, 0.22, List.of("Bengaluru", "Hyderabad", "Pune"));

  private final String country;
  private final String currency;
  private final double perUsd;
  private final double share;
  private final double payFactor;
  private final List<String> cities;

  MarketPlace(String country, String currency, double perUsd, double share, double payFactor, List<String> cities) {
    this.country = country;
    this.currency = currency;
    this.perUsd = perUsd;
    this.share = share;
    this.payFactor = payFactor;
    this.cities = cities;
  }

  /** ISO 3166 country code. */
  String country() {
    return country;
  }

  /** ISO 4217 currency code. */
  String currency() {
    return currency;
  }

  /** Units of the currency per US dollar. */
  double perUsd() {
    return perUsd;
  }

  /** Pay here relative to the same role in the US. */
  double payFactor() {
    return payFactor;
  }

  String city(Random random) {
    return cities.get(random.nextInt(cities.size()));
  }

  /**
   * How an employer here states pay: US postings often hourly, German and French ones often
   * monthly, the rest yearly.
   */
  PayPeriod payPeriod(Random random) {
    double roll = random.nextDouble();
    return switch (this) {
      case US -> roll < 0.18 ? PayPeriod.HOURLY : PayPeriod.YEARLY;
      case DE, FR -> roll < 0.4 ? PayPeriod.MONTHLY : PayPeriod.YEARLY;
      default -> PayPeriod.YEARLY;
    };
  }

  static MarketPlace pick(Random random) {
    double roll = random.nextDouble();
    for (MarketPlace p : values()) {
      roll -= p.share;
      if (roll < 0) {
        return p;
      }
    }
    return US;
  }

  /** A pay period as the board's rows name it, with how many of it make a year and its rounding. */
  enum PayPeriod {
    YEARLY(1, 1000),
    MONTHLY(12, 50),
    HOURLY(2080, 0.5);

    private final int perYear;
    private final double step;

    PayPeriod(int perYear, double step) {
      this.perYear = perYear;
      this.step = step;
    }

    /** An annual amount stated in this period, rounded the way postings round it. */
    double of(double annual) {
      return Math.round(annual / perYear / step) * step;
    }
  }
}
