package io.jobstream.ingest.jsonld;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Maps a country as pages write it (ISO code, English name) to an ISO 3166-1 alpha-2 code. */
final class Countries {

  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      Locale locale = new Locale("", code);
      BY_NAME.put(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
      BY_NAME.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
      BY_NAME.put(code.toLowerCase(Locale.ROOT), code);
    }
    BY_NAME.put("usa", "US");
    BY_NAME.put("united states of america", "US");
    BY_NAME.put("uk", "GB");
    BY_NAME.put("england", "GB");
  }

  private Countries() {}

  /** Returns the alpha-2 code, or null when the text names no known country. */
  static String toIsoCode(String country) {
    if (country == null || country.isBlank()) {
      return null;
    }
    return BY_NAME.get(country.trim().toLowerCase(Locale.ROOT));
  }
}
