package io.jobstream.ingest;

import io.jobstream.ingest.api.ApiConnector;
import io.jobstream.ingest.api.Connectors;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code --source} of {@code jobstream ingest}: {@code TYPE:TARGET}. Types: {@code jsonld:URL}
 * (a posting page, a listing page or a sitemap), {@code csv:PATH} (the ai-jobs.net salary survey
 * or the LinkedIn postings export), {@code jsonl:PATH} (raw postings as JSON lines), and the
 * job-board APIs {@code greenhouse:BOARD}, {@code lever:SITE}, {@code ashby:BOARD},
 * {@code recruitee:COMPANY}.
 */
public record SourceSpec(String type, String target, java.time.Duration every) {

  /** A spec without its own polling interval. */
  public SourceSpec(String type, String target) {
    this(type, target, null);
  }

  private static final java.util.regex.Pattern EVERY = java.util.regex.Pattern.compile("@(\\d+)(ms|s|m|h|d)$");

  /** The job-board APIs, whose target is a board, site or company name. */
  public static final Set<String> APIS = Set.copyOf(Connectors.types());

  /**
   * Parses {@code TYPE:TARGET}, optionally followed by {@code @INTERVAL} (e.g. {@code @30m}, units
   * ms, s, m, h, d): how often continuous mode re-polls this source.
   *
   * @throws IllegalArgumentException with a one-line reason when the spec is not usable
   */
  public static SourceSpec parse(String spec) {
    java.time.Duration every = null;
    if (spec != null) {
      java.util.regex.Matcher m = EVERY.matcher(spec);
      if (m.find()) {
        long n = Long.parseLong(m.group(1));
        every = switch (m.group(2)) {
          case "ms" -> java.time.Duration.ofMillis(n);
          case "s" -> java.time.Duration.ofSeconds(n);
          case "m" -> java.time.Duration.ofMinutes(n);
          case "h" -> java.time.Duration.ofHours(n);
          default -> java.time.Duration.ofDays(n);
        };
        if (every.isZero()) {
          throw new IllegalArgumentException("source '" + spec + "': the interval must be positive");
        }
        spec = spec.substring(0, m.start());
      }
    }
    SourceSpec parsed = parsePlain(spec);
    return new SourceSpec(parsed.type(), parsed.target(), every);
  }

  private static SourceSpec parsePlain(String spec) {
    int colon = spec == null ? -1 : spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new IllegalArgumentException("source '" + spec + "' is not TYPE:TARGET, e.g. jsonld:https://example.com/jobs");
    }
    String type = spec.substring(0, colon).toLowerCase(Locale.ROOT);
    String target = spec.substring(colon + 1);
    switch (type) {
      case "jsonld" -> checkUrl(spec, target);
      case "csv", "jsonl" -> {
        if (!Files.isRegularFile(Path.of(target))) {
          throw new IllegalArgumentException("source '" + spec + "': no such file " + target);
        }
      }
      default -> {
        ApiConnector connector = Connectors.of(type);
        if (connector == null) {
          throw new IllegalArgumentException("unknown source type '" + type
              + "' (supported: jsonld, csv, jsonl, " + String.join(", ", Connectors.types()) + ")");
        }
        if (!connector.validTarget(target)) {
          throw new IllegalArgumentException("source '" + spec + "': '" + target
              + "' is not a valid " + connector.targetName() + " for " + type);
        }
      }
    }
    return new SourceSpec(type, target);
  }

  private static void checkUrl(String spec, String target) {
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("source '" + spec + "' has an invalid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("source '" + spec + "' needs an http or https URL with a host");
    }
  }

  public boolean isApi() {
    return APIS.contains(type);
  }

  public boolean isFile() {
    return type.equals("csv") || type.equals("jsonl");
  }

  public URI uri() {
    return URI.create(target);
  }

  public Path path() {
    return Path.of(target);
  }

  @Override
  public String toString() {
    return type + ":" + target + (every == null ? "" : " every " + every);
  }
}
