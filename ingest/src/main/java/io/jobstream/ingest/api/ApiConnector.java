package io.jobstream.ingest.api;

import java.util.List;

/**
 * One job-board or aggregator API, read as {@code TYPE:TARGET}: it knows the API's paths, paging
 * and field layout and maps its postings to raw postings through an {@link ApiContext}, which
 * fetches politely, remembers validators and takes postings and dead letters.
 */
public interface ApiConnector {

  /** The source type, as written before the colon ({@code greenhouse}). */
  String type();

  /**
   * The API's base URL (scheme, host, port) unless {@code ingest.TYPE.base-url} says otherwise; may
   * hold {@code {target}} where the target is part of the host name.
   */
  String defaultBaseUrl();

  /** What the target names, for help and errors ({@code BOARD}, {@code COMPANY}, ...). */
  default String targetName() {
    return "BOARD";
  }

  /** Whether {@code target} is well formed for this API (letters, digits, {@code . _ -} by default). */
  default boolean validTarget(String target) {
    return target.matches("[A-Za-z0-9._-]+");
  }

  /**
   * Settings besides {@code base-url} this connector reads, as {@code ingest.TYPE.NAME} names
   * (an API key, a contact address); empty by default.
   */
  default List<String> settingNames() {
    return List.of();
  }

  /**
   * The settings of {@link #settingNames()} a read cannot do without (an API key): a source of
   * this type without one of them is a usage error at startup ({@link ApiKeys#requireFor}); empty
   * by default.
   */
  default List<String> requiredSettings() {
    return List.of();
  }

  /**
   * The first URL a read of {@code target} fetches: what {@code jobstream sources check} asks
   * once to see whether the board answers.
   */
  String firstUrl(ApiContext context, String target);

  /** Reads every posting of {@code target}; returns the number published. Never throws for bad answers. */
  int read(ApiContext context, String target) throws InterruptedException;
}
