package io.jobstream.app;

import io.jobstream.aggregate.config.JobstreamConfig;
import io.jobstream.ingest.api.ApiConnector;
import io.jobstream.ingest.api.Connectors;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@code jobstream.*} and {@code ingest.*} key jobstream reads: the user keys of
 * {@link JobstreamConfig} and ingest's job-board API bases. A key of those prefixes that
 * is not among them is a typo (such as {@code jobstream.windowz}): it would otherwise be ignored
 * without a word, and the setting it meant would silently stay at its default.
 */
public final class KnownSettings {

  private static final Set<String> KEYS = keys();

  private KnownSettings() {}

  private static Set<String> keys() {
    Set<String> keys = new TreeSet<>(JobstreamConfig.userKeys());
    // ingest's connector settings are not jobstream.* keys: ingest reads them, the config does not
    keys.addAll(apiSettings());
    return Set.copyOf(keys);
  }

  /** The API connectors' settings: {@code ingest.TYPE.base-url} and what each connector reads besides. */
  public static Set<String> apiSettings() {
    Set<String> keys = new TreeSet<>();
    for (ApiConnector connector : Connectors.all()) {
      keys.add("ingest." + connector.type() + ".base-url");
      for (String name : connector.settingNames()) {
        keys.add("ingest." + connector.type() + "." + name);
      }
    }
    return keys;
  }

  public static Set<String> all() {
    return KEYS;
  }

  /**
   * @throws IllegalArgumentException naming the first unknown jobstream key and the nearest known
   *     one
   */
  public static void check(Properties settings) {
    for (String key : new TreeSet<>(settings.stringPropertyNames())) {
      if ((key.startsWith("jobstream.") || key.startsWith("ingest.")) && !KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown setting " + key + nearest(key));
      }
    }
  }

  private static String nearest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : KEYS) {
      int d = distance(key.toLowerCase(Locale.ROOT), known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(3, key.length() / 3) ? " (did you mean " + best + "?)" : "";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
