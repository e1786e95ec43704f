package io.jobstream.ingest.api;

import io.jobstream.ingest.http.PoliteFetcher;
import io.jobstream.ingest.publish.PostingSink;
import io.jobstream.ingest.state.CrawlState;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code TYPE:TARGET} sources of the job-board and aggregator APIs ({@link Connectors}): each
 * connector reads its API's postings (field layouts as the APIs document them) and maps them to
 * raw postings, keeping the pay as given. An answer that is not the expected JSON, and a posting
 * without a title, become dead letters; the rest of the board is still read.
 *
 * <p>Base URLs (scheme, host and port) come from {@code ingest.TYPE.base-url}, else the
 * connector's {@link ApiConnector#defaultBaseUrl()}; the connector appends the documented path.
 */
public final class JobBoardApi {

  private static final Logger LOG = LoggerFactory.getLogger(JobBoardApi.class);

  private final PoliteFetcher fetcher;
  private final PostingSink sink;
  private final Map<String, String> settings;
  private final Clock clock;
  private final CrawlState state;

  /** @param baseUrls base URL per API type; missing types use the connector's default */
  public JobBoardApi(PoliteFetcher fetcher, PostingSink sink, Map<String, String> baseUrls, Clock clock) {
    this(fetcher, sink, baseUrls, clock, CrawlState.inMemory());
  }

  /**
   * @param baseUrls base URL per API type; missing types use the connector's default
   * @param state HTTP validators of the API answers: an unchanged board answers 304 to the
   *     conditional request and publishes nothing
   */
  public JobBoardApi(PoliteFetcher fetcher, PostingSink sink, Map<String, String> baseUrls,
      Clock clock, CrawlState state) {
    this(fetcher, sink, clock, state, settingsOf(baseUrls));
  }

  /** @param settings {@code ingest.TYPE.NAME} settings by full name (base URLs, keys) */
  public JobBoardApi(PoliteFetcher fetcher, PostingSink sink, Clock clock, CrawlState state,
      Map<String, String> settings) {
    this.fetcher = fetcher;
    this.sink = sink;
    this.settings = Map.copyOf(settings);
    this.clock = clock;
    this.state = state;
  }

  private static Map<String, String> settingsOf(Map<String, String> baseUrls) {
    Map<String, String> settings = new HashMap<>();
    baseUrls.forEach((type, base) -> settings.put("ingest." + type + ".base-url", base));
    return settings;
  }

  /** The context a connector of {@code type} reads with. */
  public ApiContext context(String type) {
    ApiConnector connector = connector(type);
    String base = settings.getOrDefault("ingest." + type + ".base-url", connector.defaultBaseUrl());
    return new ApiContext(type, base, fetcher, sink, clock, state, settings);
  }

  /** Reads one board; returns the number of postings published to the sink. */
  public int read(String type, String target) throws InterruptedException {
    int published = connector(type).read(context(type), target);
    LOG.info("{}:{}: {} postings", type, target, published);
    return published;
  }

  private static ApiConnector connector(String type) {
    ApiConnector connector = Connectors.of(type);
    if (connector == null) {
      throw new IllegalArgumentException("unknown job-board API " + type);
    }
    return connector;
  }
}
