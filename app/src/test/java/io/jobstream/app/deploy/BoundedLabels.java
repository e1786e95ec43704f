package io.jobstream.app.deploy;

import java.util.Map;
import java.util.Set;

/** The values each label of a jobstream meter may take: every set is small and fixed. */
final class BoundedLabels {

  private static final Set<String> FAMILIES = Set.of("data_scientist", "ml_engineer", "ai_engineer",
      "research_scientist", "data_analyst", "data_engineer", "statistician", "quant", "software_engineer", "other",
      "custom");
  /** Pages, files and every API connector jobstream has, or other. */
  private static final Set<String> SOURCE_TYPES = sourceTypes();
  private static final Set<String> SENIORITIES = Set.of("all", "intern", "entry", "mid", "senior", "staff",
      "principal", "lead", "manager", "director", "executive");
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("job", Set.of("jobstream-ingest", "jobstream-stream", "jobstream-monitor")),
      Map.entry("outcome", Set.of(
          // ingest fetches
          "ok", "not_modified", "blocked_address", "bad_scheme", "http_status", "too_large", "content_type",
          "redirects", "io", "retry_after", "robots_denied", "robots_unavailable", "other",
          // ingest requests by source type
          "failed",
          // ingest postings, stream records
          "published", "unchanged", "classified", "deleted", "rejected",
          // monitor records
          "shown", "older_window", "skipped", "unreadable", "overflow")),
      Map.entry("reason", Set.of(
          // stream dead letters
          "no_key", "no_value", "not_json", "unsupported_schema", "no_title", "no_date", "future_date", "late",
          "too_large", "superseded", "other",
          // ingest rejections
          "api_error", "bad_row", "fetch_retry_after", "fetch_robots_denied", "fetch_robots_unavailable", "bad_line", "source_failed",
          "fetch_http_status", "fetch_io", "fetch_blocked_address", "fetch_bad_scheme", "fetch_too_large",
          "fetch_content_type", "fetch_redirects", "bad_jsonld", "title_only", "bad_date", "no_posting", "refused", "unknown",
          "unparseable_first_line", "missing_key")),
      Map.entry("source", SOURCE_TYPES),
      Map.entry("type", SOURCE_TYPES),
      Map.entry("field", Set.of("title", "company", "location", "date", "pay", "description")),
      Map.entry("class", Set.of("blocked", "rate_limited", "timeout", "server_error", "gone", "other")),
      Map.entry("family", FAMILIES),
      Map.entry("a", FAMILIES),
      Map.entry("b", FAMILIES),
      Map.entry("seniority", SENIORITIES),
      Map.entry("pay", Set.of("true", "false")),
      Map.entry("window", Set.of("year")),
      Map.entry("pair", Set.of("ml_engineer:data_scientist", "ai_engineer:ml_engineer", "data_engineer:data_analyst")),
      Map.entry("statistic", Set.of("p10", "p25", "median", "p75", "p90", "mean")),
      Map.entry("emphasis", Set.of("ml_heavy", "software_heavy", "balanced")),
      Map.entry("side", Set.of("a", "b")),
      Map.entry("topic", Set.of("stats", "divergence", "any")),
      Map.entry("currency", Set.of("USD")));

  private BoundedLabels() {}

  static boolean allows(String label, String value) {
    if (label.equals("instance")) {
      return value.startsWith("127.0.0.1:");
    }
    if (label.equals("le")) {
      return value.equals("+Inf") || value.matches("[0-9.]+(E-?[0-9]+)?");
    }
    Set<String> allowed = ALLOWED.get(label);
    return allowed != null && allowed.contains(value);
  }

  private static Set<String> sourceTypes() {
    Set<String> types = new java.util.TreeSet<>(Set.of("jsonld", "csv", "jsonl", "other"));
    types.addAll(io.jobstream.ingest.api.Connectors.types());
    return Set.copyOf(types);
  }
}
