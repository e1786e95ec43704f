package io.jobstream.classify.pay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A dated table of exchange rates (units of a currency per US dollar, one rate per currency and
 * year) and conversion between any two of its currencies through the dollar. A year outside the
 * table uses the nearest year in it.
 */
public final class CurrencyRates {

  private static final String BUILT_IN = "/io/jobstream/classify/rates.csv";

  private final Map<String, TreeMap<Integer, Double>> perUsd = new HashMap<>();

  private CurrencyRates() {
    perUsd.put("USD", new TreeMap<>(Map.of(2000, 1.0)));
  }

  /** The table shipped with jobstream (yearly averages 2020-2024, see the file's header). */
  public static CurrencyRates builtIn() {
    try (InputStream in = CurrencyRates.class.getResourceAsStream(BUILT_IN)) {
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), BUILT_IN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILT_IN, e);
    }
  }

  /**
   * The built-in table with the rows of a user's file (same layout) over it.
   *
   * @throws IllegalArgumentException naming the line when the file is malformed
   */
  public static CurrencyRates withOverride(Path file) {
    CurrencyRates rates = builtIn();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      rates.merge(read(reader, file.toString()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read rates file " + file + ": " + e.getMessage());
    }
    return rates;
  }

  private void merge(CurrencyRates other) {
    other.perUsd.forEach((currency, years) ->
        perUsd.computeIfAbsent(currency, c -> new TreeMap<>()).putAll(years));
  }

  private static CurrencyRates read(BufferedReader reader, String name) throws IOException {
    CurrencyRates rates = new CurrencyRates();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("year,")) {
        continue;
      }
      String[] f = trimmed.split(",");
      try {
        if (f.length != 3) {
          throw new IllegalArgumentException("expected year,currency,per_usd");
        }
        int year = Integer.parseInt(f[0].trim());
        String currency = f[1].trim().toUpperCase(Locale.ROOT);
        double rate = Double.parseDouble(f[2].trim());
        if (currency.length() != 3 || !(rate > 0)) {
          throw new IllegalArgumentException("currency must be an ISO code and the rate positive");
        }
        rates.perUsd.computeIfAbsent(currency, c -> new TreeMap<>()).put(year, rate);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + number + " ('" + trimmed + "'): "
            + e.getMessage());
      }
    }
    return rates;
  }

  /** Converts {@code amount} of {@code from} into {@code to} at the rates of {@code year}. */
  public OptionalDouble convert(double amount, String from, String to, int year) {
    OptionalDouble fromRate = rate(from, year);
    OptionalDouble toRate = rate(to, year);
    if (fromRate.isEmpty() || toRate.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(amount / fromRate.getAsDouble() * toRate.getAsDouble());
  }

  /** Units of {@code currency} per US dollar in {@code year} (the nearest year known). */
  public OptionalDouble rate(String currency, int year) {
    TreeMap<Integer, Double> years = perUsd.get(currency == null ? "" : currency.toUpperCase(Locale.ROOT));
    if (years == null || years.isEmpty()) {
      return OptionalDouble.empty();
    }
    Map.Entry<Integer, Double> floor = years.floorEntry(year);
    Map.Entry<Integer, Double> ceiling = years.ceilingEntry(year);
    Map.Entry<Integer, Double> chosen = floor == null ? ceiling
        : ceiling == null ? floor
        : (year - floor.getKey() <= ceiling.getKey() - year ? floor : ceiling);
    return OptionalDouble.of(chosen.getValue());
  }
}
