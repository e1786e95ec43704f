package io.jobstream.aggregate;

import io.jobstream.http.HostCheck;
import io.jobstream.http.Handler;
import io.jobstream.http.HttpError;
import io.jobstream.http.HttpLimits;
import io.jobstream.http.HttpServer;
import io.jobstream.http.Printable;
import io.jobstream.http.Request;
import io.jobstream.http.Response;
import io.jobstream.http.Router;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small read-only HTTP API over the streams app's answers (interactive queries):
 *
 * <ul>
 *   <li>{@code GET /stats?window=&start=&family=&seniority=&country=&remote=} - the latest
 *       statistics whose fields equal the given ones (all optional)
 *   <li>{@code GET /divergence?a=&b=&window=&start=&seniority=&country=} - likewise for the pay
 *       gaps (the records of {@code jobs.salary.divergence}: on the slice {@code all|all} also the
 *       gap adjusted for seniority and country, with its interval, coverage and cells)
 * </ul>
 *
 * <p>Answers are JSON arrays. Each instance holds the keys of its partitions; the instance asked
 * collects the matches of every instance of the application ({@link ClusterQuery}) and merges them,
 * so any instance answers for all. When some instance cannot answer (down, unreachable, its stores
 * restoring), the answer holds what the others gave and says what is missing: header
 * {@value #MISSING_HEADER} lists each instance that did not answer with the reason. Only when none
 * answers is it a 503.
 *
 * <p>Parameters are checked ({@link QueryFilters}): unknown or repeated names, a window that is not
 * configured, malformed values are 400. Errors are JSON {@code {"error":CODE,"message":TEXT}}. The
 * server is {@link HttpServer} with {@link Settings#limits()} (default 512 connections, 8 handler
 * threads, the timeouts and sizes of {@link HttpLimits#DEFAULTS}) and a Host check: loopback names
 * on a loopback bind, {@link Settings#allowedHosts()} (default: any) on others.
 */
public final class QueryApi implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);

  /** Response header naming the instances whose answers are missing, {@code HOST:PORT (reason); ...}. */
  public static final String MISSING_HEADER = "Jobstream-Missing";

  /**
   * @param windows the configured window specs ({@code window=} must be one; empty: any valid spec)
   * @param limits of the server
   * @param allowedHosts {@code Host} names answered on a non-loopback bind (empty: any)
   */
  public record Settings(List<String> windows, HttpLimits limits, Set<String> allowedHosts) {

    public static final Settings DEFAULTS = new Settings(List.of(), HttpLimits.DEFAULTS.withConnections(512, 8), Set.of());

    public Settings withWindows(List<String> windows) {
      return new Settings(List.copyOf(windows), limits, allowedHosts);
    }

    public Settings withAllowedHosts(Set<String> allowedHosts) {
      return new Settings(windows, limits, Set.copyOf(allowedHosts));
    }
  }

  private final ClusterQuery queries;
  private final Settings settings;
  private final Router router = new Router();
  private final HttpServer server;

  /** With {@link Settings#DEFAULTS}: any valid window spec is taken. */
  public QueryApi(KafkaStreams streams, HostInfo self, InetSocketAddress bind) throws IOException {
    this(streams, self, bind, Settings.DEFAULTS);
  }

  /**
   * @param self this instance's {@code application.server}: the address other instances reach it at
   * @param bind where to listen (the host is usually the same as {@code self}'s)
   */
  public QueryApi(KafkaStreams streams, HostInfo self, InetSocketAddress bind, Settings settings) throws IOException {
    this.queries = new ClusterQuery(streams, self);
    this.settings = settings;
    for (ClusterQuery.Kind kind : ClusterQuery.Kind.values()) {
      router.get(kind.path(), request -> answer(kind, request));
    }
    this.server = HttpServer.start("query-api", bind, router, settings.limits(),
        HostCheck.forBind(bind.getAddress(), settings.allowedHosts()));
  }

  /** Serves {@code handler} at exactly {@code path} beside the query endpoints (e.g. a page at {@code /}). */
  public void serve(String path, Handler handler) {
    router.get(path, handler);
  }

  /** The answers across instances, for what renders them in process (the live page). */
  public ClusterQuery queries() {
    return queries;
  }

  public int port() {
    return server.port();
  }

  private Response answer(ClusterQuery.Kind kind, Request request) {
    var params = request.query();
    Map<String, String> filters = QueryFilters.check(kind, params, settings.windows());
    boolean localOnly = QueryFilters.localOnly(params);
    ClusterQuery.Answer answer = queries.ask(kind, filters, localOnly);
    if (answer.answered() == 0) {
      LOG.warn("{} answered by no instance: {}", kind.path(), answer.missing());
      throw new HttpError(503, "unavailable", localOnly ? "this instance cannot answer now; try again"
          : "no instance can answer now; try again");
    }
    Response response = Response.json(200, answer.items().toString());
    if (!answer.missing().isEmpty()) {
      LOG.warn("{} answered without {}", kind.path(), answer.missing());
      response.header(MISSING_HEADER, Printable.of(String.join("; ", answer.missing()), 4000));
    }
    return response;
  }

  /** Encodes a query value (for callers building URLs). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
    queries.close();
  }
}
