package io.jobstream.ingest.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The keys of keyed APIs (USAJOBS, Adzuna): where they come from, the check that they are there
 * before a pass starts, and keeping them out of dead letters.
 *
 * <p>A setting {@code ingest.TYPE.NAME} is read from {@code --config}, else from the environment
 * variable {@code JOBSTREAM_TYPE_NAME} (upper case, dots and dashes as underscores:
 * {@code ingest.usajobs.api-key} is {@code JOBSTREAM_USAJOBS_API_KEY}). Settings named
 * {@code api-key}, {@code app-key} and {@code app-id} are secrets: their values, and any
 * {@code app_key}, {@code app_id} or {@code api_key} query parameter, are replaced by
 * {@value #REDACTED} in every dead letter an {@link ApiContext} writes.
 */
public final class ApiKeys {

  /** What a secret is replaced with. */
  public static final String REDACTED = "REDACTED";

  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)\\b(app_key|app_id|api_key|apikey|authorization-key)=[^&\\s\"'<>]*");

  private ApiKeys() {
  }

  /** The environment variable read for {@code setting} when the configuration lacks it. */
  public static String environmentName(String setting) {
    String rest = setting.startsWith("ingest.") ? setting.substring("ingest.".length()) : setting;
    return "JOBSTREAM_" + rest.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
  }

  /**
   * {@code configured} with each of {@code names} it lacks taken from {@code environment}
   * ({@link #environmentName}) when set there.
   */
  public static Map<String, String> withEnvironment(Map<String, String> configured, Collection<String> names,
      Function<String, String> environment) {
    Map<String, String> all = new HashMap<>(configured);
    for (String name : names) {
      String value = environment.apply(environmentName(name));
      if (!all.containsKey(name) && value != null && !value.isBlank()) {
        all.put(name, value);
      }
    }
    return all;
  }

  /**
   * Checks the settings of a run's sources before it starts.
   *
   * @param types the source types of a run
   * @throws IllegalArgumentException naming the first missing required setting (and its
   *     environment variable) of a keyed source among {@code types}, or an
   *     {@code ingest.TYPE.request-interval} that is not a duration
   */
  public static void requireFor(Collection<String> types, Map<String, String> settings) {
    for (String type : types) {
      ApiConnector connector = Connectors.of(type);
      if (connector == null) {
        continue;
      }
      String interval = settings.get("ingest." + type + "." + RequestPacing.SETTING);
      if (interval != null) {
        RequestPacing.parse("ingest." + type + "." + RequestPacing.SETTING, interval);
      }
      for (String name : connector.requiredSettings()) {
        String key = "ingest." + type + "." + name;
        String value = settings.get(key);
        if (value == null || value.isBlank()) {
          throw new IllegalArgumentException(type + " sources need " + key + " (in --config, or the environment"
              + " variable " + environmentName(key) + ")");
        }
      }
    }
  }

  /** Whether the setting {@code ingest.TYPE.NAME} holds a secret. */
  static boolean secret(String setting) {
    return setting.endsWith(".api-key") || setting.endsWith(".app-key") || setting.endsWith(".app-id");
  }

  /** {@code text} with the secret settings' values and secret query parameters replaced. */
  static String redact(String text, Map<String, String> settings) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (secret(e.getKey()) && e.getValue() != null && e.getValue().length() >= 4) {
        out = out.replace(e.getValue(), REDACTED);
      }
    }
    return SECRET_PARAMETER.matcher(out).replaceAll("$1=" + REDACTED);
  }
}
