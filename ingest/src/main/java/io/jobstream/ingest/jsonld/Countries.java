package io.jobstream.ingest.jsonld;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a country as pages write it (ISO code, or its name in English, German, French, Spanish,
 * Portuguese, Italian, Dutch, Polish, Swedish or Japanese, from Java's own locale data, accents
 * and case ignored) to an ISO 3166-1 alpha-2 code.
 */
final class Countries {

  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    List<Locale> languages = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"),
        Locale.forLanguageTag("pt"), Locale.ITALIAN, Locale.forLanguageTag("nl"), Locale.forLanguageTag("pl"),
        Locale.forLanguageTag("sv"), Locale.JAPANESE);
    for (String code : Locale.getISOCountries()) {
      Locale locale = new Locale("", code);
      for (Locale language : languages) {
        BY_NAME.putIfAbsent(key(locale.getDisplayCountry(language)), code);
      }
      BY_NAME.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
      BY_NAME.put(code.toLowerCase(Locale.ROOT), code);
    }
    BY_NAME.put("usa", "US");
    BY_NAME.put("united states of america", "US");
    BY_NAME.put("uk", "GB");
    BY_NAME.put("england", "GB");
    BY_NAME.put("brasil", "BR");
  }

  private static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").trim().toLowerCase(Locale.ROOT);
  }

  private Countries() {}

  /** Returns the alpha-2 code, or null when the text names no known country. */
  static String toIsoCode(String country) {
    if (country == null || country.isBlank()) {
      return null;
    }
    String exact = BY_NAME.get(country.trim().toLowerCase(Locale.ROOT));
    return exact != null ? exact : BY_NAME.get(key(country));
  }
}
