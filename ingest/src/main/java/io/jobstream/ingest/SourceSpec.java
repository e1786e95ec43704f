package io.jobstream.ingest;

import java.net.URI;
import java.util.Locale;

/**
 * A {@code --source} of {@code jobstream ingest}: {@code TYPE:TARGET}. This version supports
 * {@code jsonld:URL} (a posting page, a listing page or a sitemap).
 */
public record SourceSpec(String type, String target) {

  /** @throws IllegalArgumentException with a one-line reason when the spec is not usable */
  public static SourceSpec parse(String spec) {
    int colon = spec == null ? -1 : spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new IllegalArgumentException("source '" + spec + "' is not TYPE:TARGET, e.g. jsonld:https://example.com/jobs");
    }
    String type = spec.substring(0, colon).toLowerCase(Locale.ROOT);
    String target = spec.substring(colon + 1);
    if (!type.equals("jsonld")) {
      throw new IllegalArgumentException("unknown source type '" + type + "' (supported: jsonld)");
    }
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
    return new SourceSpec(type, target);
  }

  public URI uri() {
    return URI.create(target);
  }

  @Override
  public String toString() {
    return type + ":" + target;
  }
}
