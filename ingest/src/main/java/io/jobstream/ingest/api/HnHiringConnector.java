package io.jobstream.ingest.api;

import static io.jobstream.ingest.api.ApiFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Hacker News "Ask HN: Who is hiring?", {@code hn:THREAD}: each top-level comment of the month's
 * thread is one posting, its company, title, location, remote and pay read from its first line by
 * {@link HnFirstLine}. THREAD is {@code latest} (the newest thread), a month {@code YYYY-MM}, or
 * a thread's item id.
 *
 * <p>The thread is found with the Algolia HN Search API ({@code ingest.hn.search-url}, default
 * {@code https://hn.algolia.com}): stories by the user {@code whoishiring} whose title starts
 * with "Ask HN: Who is hiring?". The thread and its comments are read from the official HN
 * Firebase API ({@code ingest.hn.base-url}, default {@code https://hacker-news.firebaseio.com}):
 * {@code /v0/item/ID.json}, the thread's {@code kids} one by one. Neither API documents a rate
 * limit; requests are spaced by the fetcher's per-host delay.
 *
 * <p>Ids are {@code hn:THREAD_ID:COMMENT_ID} whichever way the thread was named, so
 * {@code hn:latest} and {@code hn:2026-12} give the same postings. The posting's URL is the
 * comment on news.ycombinator.com (attribution); the description is the whole comment. A deleted
 * or dead comment is skipped (there is nothing left of it); a comment whose first line is no
 * header is a dead letter {@code unparseable_first_line}.
 */
final class HnHiringConnector implements ApiConnector {

  /** Title prefix of the monthly hiring threads. */
  static final String TITLE = "ask hn: who is hiring?";
  /** Setting with the search API's base URL. */
  static final String SEARCH_URL = "search-url";
  static final String DEFAULT_SEARCH_URL = "https://hn.algolia.com";

  @Override
  public String type() {
    return "hn";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://hacker-news.firebaseio.com";
  }

  @Override
  public String targetName() {
    return "latest|YYYY-MM|THREAD_ID";
  }

  @Override
  public boolean validTarget(String target) {
    if (target.equals("latest") || target.matches("\\d{1,12}")) {
      return true;
    }
    try {
      YearMonth.parse(target);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public List<String> settingNames() {
    return List.of(SEARCH_URL);
  }

  @Override
  public String firstUrl(ApiContext context, String target) {
    return target.matches("\\d+") ? item(context, target) : searchUrl(context, target);
  }

  private static String item(ApiContext context, String id) {
    return context.base(id) + "/v0/item/" + id + ".json";
  }

  /** Stories by whoishiring, newest first; for a month, those posted from a day before it to its end. */
  static String searchUrl(ApiContext context, String target) {
    String base = context.setting(SEARCH_URL);
    base = base == null ? DEFAULT_SEARCH_URL : base.replaceAll("/+$", "");
    String url = base + "/api/v1/search_by_date?tags=story,author_whoishiring&hitsPerPage=50";
    if (!target.equals("latest")) {
      YearMonth month = YearMonth.parse(target);
      long from = month.atDay(1).minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      long to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      url += "&numericFilters=" + ApiContext.encode("created_at_i>=" + from + ",created_at_i<" + to);
    }
    return url;
  }

  @Override
  public int read(ApiContext context, String target) throws InterruptedException {
    String threadId = target.matches("\\d+") ? target : findThread(context, target);
    if (threadId == null) {
      return 0;
    }
    String threadUrl = item(context, threadId);
    JsonNode thread = context.fetchJson(threadUrl);
    if (thread == null) {
      return 0;
    }
    if (!"story".equals(text(thread, "type"))) {
      context.reject("api_error", "item " + threadId + " is not a story", threadUrl, null, thread.toString());
      return 0;
    }
    JsonNode kids = thread.get("kids");
    if (kids == null || !kids.isArray()) {
      return 0; // a thread nobody has answered yet
    }
    Instant now = context.now();
    int published = 0;
    for (JsonNode kid : kids) {
      String commentUrl = item(context, kid.asText());
      JsonNode comment = context.fetchJson(commentUrl);
      if (comment == null || comment.path("deleted").asBoolean() || comment.path("dead").asBoolean()) {
        continue;
      }
      if (publish(context, threadId, comment, commentUrl, now)) {
        published++;
      }
    }
    return published;
  }

  /** The id of the newest hiring thread among the search hits; null (dead-lettered) when none. */
  private static String findThread(ApiContext context, String target) throws InterruptedException {
    String url = searchUrl(context, target);
    JsonNode hits = JobArrays.field(context, url, context.fetchJson(url), "hits");
    if (hits == null) {
      return null;
    }
    String best = null;
    long newest = Long.MIN_VALUE;
    for (JsonNode hit : hits) {
      String title = text(hit, "title");
      long created = hit.path("created_at_i").asLong(Long.MIN_VALUE);
      if (title != null && title.toLowerCase(Locale.ROOT).startsWith(TITLE) && created > newest
          && text(hit, "objectID") != null) {
        best = text(hit, "objectID");
        newest = created;
      }
    }
    if (best == null) {
      context.reject("api_error", "no 'Ask HN: Who is hiring?' thread by whoishiring for " + target, url, null,
          null);
    }
    return best;
  }

  private static boolean publish(ApiContext context, String threadId, JsonNode comment, String url, Instant now) {
    String id = text(comment, "id");
    String postingId = "hn:" + threadId + ":" + id;
    String html = text(comment, "text");
    if (html == null || html.isBlank()) {
      context.reject("unparseable_first_line", "comment has no text", url, postingId, comment.toString());
      return false;
    }
    // HN separates paragraphs with <p>; the first line is the text before the first one
    String first = Jsoup.parseBodyFragment(html.split("(?i)<p>", 2)[0]).text();
    HnFirstLine.Result line = HnFirstLine.parse(first);
    if (!line.parsed()) {
      context.reject("unparseable_first_line", line.problem(), url, postingId, comment.toString());
      return false;
    }
    JsonNode time = comment.get("time");
    LocalDate posted = time != null && time.isNumber()
        ? Instant.ofEpochSecond(time.asLong()).atZone(ZoneOffset.UTC).toLocalDate() : null;
    String description = paragraphs(html);
    RawPosting posting = new RawPosting(RawPosting.SCHEMA_VERSION, "hn", id, postingId,
        "https://news.ycombinator.com/item?id=" + id, line.title(), line.company(),
        line.location() == null ? null : Location.ofText(line.location()), line.remote(), line.employmentType(),
        posted, null, description, html, line.salary(), now, null);
    return context.publish(posting, url, comment.toString());
  }

  /** The comment's paragraphs as plain text, one per line. */
  private static String paragraphs(String html) {
    StringBuilder out = new StringBuilder();
    for (String p : html.split("(?i)<p>")) {
      String t = Jsoup.parseBodyFragment(p).text();
      if (!t.isBlank()) {
        out.append(out.length() == 0 ? "" : "\n").append(t);
      }
    }
    return out.toString();
  }
}
