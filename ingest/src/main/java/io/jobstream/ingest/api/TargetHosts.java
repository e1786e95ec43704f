package io.jobstream.ingest.api;

/**
 * Targets that are a company's name on the provider's host ({@code acme} for
 * {@code acme.jobs.personio.de}) or, for a career site on a host of its own, the host name itself
 * ({@code careers.acme.example}): a target with a dot is a host, read over HTTPS. A base URL set in
 * {@code ingest.TYPE.base-url} is used as is.
 */
final class TargetHosts {

  private TargetHosts() {
  }

  /** Host names and company names: letters, digits, {@code . _ -}. */
  static boolean valid(String target) {
    return target.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
  }

  /** The base URL to read {@code target} from. */
  static String base(ApiContext context, ApiConnector connector, String target) {
    String base = context.base(target);
    String standard = connector.defaultBaseUrl().replace("{target}", ApiContext.encode(target))
        .replace("{company}", ApiContext.encode(target));
    return target.contains(".") && base.equals(standard) ? "https://" + target : base;
  }
}
