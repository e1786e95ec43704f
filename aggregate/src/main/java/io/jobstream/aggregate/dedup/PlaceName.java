package io.jobstream.aggregate.dedup;

import io.jobstream.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A posting's place as copies of an ad share it, from the same {@link Location} ingest gives
 * (city, region, country code and the source's text): {@code city|region|country}, lower case,
 * with US states and Canadian provinces as their codes ({@code Texas} is {@code tx}) and the
 * country as its ISO 3166-1 alpha-2 code ({@code United States}, {@code USA} and {@code US} are
 * {@code us}; a US state without a country is in {@code us}; a last part after a city that is both a
 * state and a country, {@code Georgia} or {@code CA}, is the state unless the posting's country says
 * otherwise). {@code "Austin, TX"} and
 * {@code "Austin, Texas, United States"} are both {@code "austin|tx|us"}. A part the posting does
 * not give is empty, and {@link #samePlace} treats it as unknown. An ad that says it is one opening
 * in several places ({@code "Multiple locations"}, places separated by {@code ;}) is {@value #MULTI}.
 */
public final class PlaceName {

  /** The place of an ad that names several places: the same place as any other. */
  public static final String MULTI = "*";

  private static final Pattern SEVERAL =
      Pattern.compile("(?i)\\b(multiple|various|several|many)\\s+(locations|offices|cities|sites)\\b|;|\\s\\|\\s");

  private static final Map<String, String> REGIONS = new HashMap<>();
  private static final Map<String, String> REGION_COUNTRY = new HashMap<>();
  private static final Map<String, String> COUNTRIES = new HashMap<>();

  static {
    String[] us = {"al alabama", "ak alaska", "az arizona", "ar arkansas", "ca california", "co colorado",
        "ct connecticut", "de delaware", "dc district of columbia", "fl florida", "ga georgia", "hi hawaii",
        "id idaho", "il illinois", "in indiana", "ia iowa", "ks kansas", "ky kentucky", "la louisiana",
        "me maine", "md maryland", "ma massachusetts", "mi michigan", "mn minnesota", "ms mississippi",
        "mo missouri", "mt montana", "ne nebraska", "nv nevada", "nh new hampshire", "nj new jersey",
        "nm new mexico", "ny new york", "nc north carolina", "nd north dakota", "oh ohio", "ok oklahoma",
        "or oregon", "pa pennsylvania", "ri rhode island", "sc south carolina", "sd south dakota",
        "tn tennessee", "tx texas", "ut utah", "vt vermont", "va virginia", "wa washington",
        "wv west virginia", "wi wisconsin", "wy wyoming", "pr puerto rico"};
    String[] ca = {"ab alberta", "bc british columbia", "mb manitoba", "nb new brunswick",
        "nl newfoundland and labrador", "ns nova scotia", "on ontario", "pe prince edward island",
        "qc quebec", "sk saskatchewan", "nt northwest territories", "nu nunavut", "yt yukon"};
    for (String[] table : new String[][] {us, ca}) {
      String country = table == us ? "us" : "ca";
      for (String entry : table) {
        String code = entry.substring(0, 2);
        REGIONS.put(code, code);
        REGIONS.put(entry.substring(3), code);
        REGION_COUNTRY.put(code, country);
      }
    }
    for (String code : Locale.getISOCountries()) {
      Locale country = new Locale("", code);
      String lower = code.toLowerCase(Locale.ROOT);
      for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"))) {
        COUNTRIES.putIfAbsent(String.join(" ", Text.words(country.getDisplayCountry(language))), lower);
      }
      COUNTRIES.put(country.getISO3Country().toLowerCase(Locale.ROOT), lower);
    }
    COUNTRIES.put("usa", "us");
    COUNTRIES.put("us", "us");
    COUNTRIES.put("united states of america", "us");
    COUNTRIES.put("uk", "gb");
    COUNTRIES.put("england", "gb");
  }

  private PlaceName() {}

  /**
   * The normalized place of a posting; a remote one ({@code remote} true, null: unknown) is {@code
   * remote||country}: the city a board lists a remote job under is not where the work is.
   */
  public static String normalize(Location location, Boolean remote) {
    String text = location == null ? null : text(location);
    if (text != null && SEVERAL.matcher(text).find()) {
      return MULTI;
    }
    List<String> parts = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(",")) {
        String words = String.join(" ", Text.words(part));
        if (!words.isEmpty()) {
          parts.add(words);
        }
      }
    }
    String country = location == null || location.country() == null ? "" : location.country().toLowerCase(Locale.ROOT);
    String region = "";
    // from the end: a country (a two-letter part is a US state or Canadian province before it is a country)
    if (!parts.isEmpty()) {
      String last = parts.get(parts.size() - 1);
      String asCountry = COUNTRIES.get(last);
      // "CA" after a city is California before it is Canada, "Georgia" the state before the country
      boolean stateFirst = REGIONS.containsKey(last) && parts.size() > 1 && !last.equals("us");
      if (asCountry != null && (asCountry.equals(country) || !stateFirst)) {
        country = asCountry;
        parts.remove(parts.size() - 1);
      }
    }
    if (parts.size() > 1 || (parts.size() == 1 && parts.get(0).length() > 2 && REGIONS.containsKey(parts.get(0))
        && !parts.get(0).equals("new york") && !parts.get(0).equals("washington"))) {
      String code = REGIONS.get(parts.get(parts.size() - 1));
      if (code != null && (country.isEmpty() || country.equals(REGION_COUNTRY.get(code)))) {
        region = code;
        country = REGION_COUNTRY.get(code);
        parts.remove(parts.size() - 1);
      }
    }
    String city = String.join(" ", parts);
    if (Boolean.TRUE.equals(remote)) {
      // a remote job's city and region are where a board lists it, not where the work is: boards
      // list one remote opening once per city ("Juneau, AK", "Richmond, VA", "Topeka, KS")
      return "remote||" + country;
    }
    if (city.contains("remote")) {
      city = "remote";
    }
    return city.isEmpty() && region.isEmpty() && country.isEmpty() ? "" : city + "|" + region + "|" + country;
  }

  /** The source's text, or its parts joined when it gave none. */
  private static String text(Location l) {
    if (l.text() != null && !l.text().isBlank()) {
      return l.text();
    }
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {l.city(), l.region(), l.country()}) {
      if (part != null && !part.isBlank()) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /**
   * Whether two normalized places can be one: either names several places, or each part (city,
   * region, country) is equal or unknown on one side.
   */
  public static boolean samePlace(String a, String b) {
    if (MULTI.equals(a) || MULTI.equals(b) || a.isEmpty() || b.isEmpty()) {
      return true;
    }
    // field by field (city|region|country) without splitting: a new posting is compared with
    // every representative open on its day
    int xs = 0;
    int ys = 0;
    for (int i = 0; i < 3; i++) {
      int xe = fieldEnd(a, xs);
      int ye = fieldEnd(b, ys);
      int xl = xe - xs;
      int yl = ye - ys;
      if (xl > 0 && yl > 0 && (xl != yl || !a.regionMatches(xs, b, ys, xl))) {
        return false;
      }
      xs = xe + 1;
      ys = ye + 1;
    }
    return true;
  }

  /** Where the field starting at {@code from} ends (a {@code |} or the end of the text). */
  private static int fieldEnd(String place, int from) {
    if (from > place.length()) {
      return from;
    }
    int bar = place.indexOf('|', from);
    return bar < 0 ? place.length() : bar;
  }
}
