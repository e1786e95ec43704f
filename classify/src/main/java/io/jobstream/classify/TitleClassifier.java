package io.jobstream.classify;

import io.jobstream.classify.title.Taxonomy;
import io.jobstream.classify.title.TitleMatcher;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifies a job title into a role family, a seniority level and an O*NET-SOC code, with a
 * confidence and an explanation. Rules live in a {@link Taxonomy} (a data file); a title that is
 * ambiguous by its words alone (e.g. "Research Scientist") is decided by the description when one
 * is given.
 *
 * <p>Thread-safe. Results for titles without a description are cached (up to
 * {@value #CACHE_LIMIT} distinct titles, then the cache starts over), because real feeds repeat
 * the same titles many times.
 */
public final class TitleClassifier {

  static final int CACHE_LIMIT = 100_000;

  private final TitleMatcher matcher;
  private final ConcurrentHashMap<String, TitleClassification> cache = new ConcurrentHashMap<>();

  /** A classifier with the built-in taxonomy. */
  public TitleClassifier() {
    this(Taxonomy.builtIn());
  }

  public TitleClassifier(Taxonomy taxonomy) {
    this.matcher = new TitleMatcher(taxonomy);
  }

  /** Classifies a title alone. A null or blank title is {@code other}, rule {@code none}. */
  public TitleClassification classify(String title) {
    if (title == null) {
      return matcher.classify("", null);
    }
    TitleClassification cached = cache.get(title);
    if (cached != null) {
      return cached;
    }
    TitleClassification result = matcher.classify(title, null);
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(title, result);
    return result;
  }

  /** Classifies a title, letting the description decide where the title is ambiguous. */
  public TitleClassification classify(String title, String description) {
    if (description == null || description.isBlank()) {
      return classify(title);
    }
    return matcher.classify(title == null ? "" : title, description);
  }

  /** Classifies without the cache (for benchmarks and tests of the matcher itself). */
  public TitleClassification classifyUncached(String title) {
    return matcher.classify(title == null ? "" : title, null);
  }
}
