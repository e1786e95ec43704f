package io.jobstream.model;

/**
 * Where a posting is, as the source said it. {@code country} is an ISO 3166-1 alpha-2 code when one
 * could be derived, otherwise {@code null}; {@code text} keeps the source's own wording.
 */
public record Location(String city, String region, String country, String text) {

  public static Location ofText(String text) {
    return new Location(null, null, null, text);
  }
}
