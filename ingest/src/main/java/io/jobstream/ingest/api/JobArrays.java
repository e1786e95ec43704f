package io.jobstream.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Finding the array of postings in an API's answer, dead-lettering an answer without one. */
final class JobArrays {

  private JobArrays() {
  }

  /**
   * The array under {@code field} of {@code root}; null (with an {@code api_error} dead letter)
   * when there is none, and null without one when {@code root} is null (unchanged or failed).
   */
  static JsonNode field(ApiContext context, String url, JsonNode root, String field) {
    if (root == null) {
      return null;
    }
    JsonNode items = root.get(field);
    if (items == null || !items.isArray()) {
      context.reject("api_error", "response has no '" + field + "' array", url, null, root.toString());
      return null;
    }
    return items;
  }

  /** {@code root} itself when it is an array; otherwise null, with an {@code api_error} dead letter. */
  static JsonNode root(ApiContext context, String url, JsonNode root) {
    if (root == null) {
      return null;
    }
    if (!root.isArray()) {
      context.reject("api_error", "expected a JSON array", url, null, root.toString());
      return null;
    }
    return root;
  }
}
