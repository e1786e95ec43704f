package io.jobstream.ingest.jsonld;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code employmentType} as schema.org's values (FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY,
 * INTERN, VOLUNTEER, PER_DIEM, OTHER), however pages write them ({@code Full-time},
 * {@code full time}, {@code Contract}, {@code Internship}, lists in arrays or comma-separated),
 * joined with commas in the order given. A value none of these names is kept as written.
 */
final class EmploymentTypes {

  private EmploymentTypes() {}

  static String normalize(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : given.split("[,;/|]")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        out.add(value(p));
      }
    }
    return out.isEmpty() ? null : String.join(",", out);
  }

  private static String value(String part) {
    String k = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    return switch (k) {
      case "fulltime", "full", "permanent", "regular" -> "FULL_TIME";
      case "parttime", "part" -> "PART_TIME";
      case "contractor", "contract", "freelance", "freelancer" -> "CONTRACTOR";
      case "temporary", "temp", "seasonal" -> "TEMPORARY";
      case "intern", "internship", "trainee" -> "INTERN";
      case "volunteer" -> "VOLUNTEER";
      case "perdiem" -> "PER_DIEM";
      case "other" -> "OTHER";
      default -> part;
    };
  }
}
