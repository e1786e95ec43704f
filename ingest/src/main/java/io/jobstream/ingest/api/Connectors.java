package io.jobstream.ingest.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every API connector by source type, in the order {@code jobstream ingest --help} lists them. A
 * new connector is one class implementing {@link ApiConnector} and one line here.
 */
public final class Connectors {

  private static final Map<String, ApiConnector> BY_TYPE = new LinkedHashMap<>();

  static {
    for (ApiConnector c : List.of(
        new GreenhouseConnector(),
        new LeverConnector(),
        new AshbyConnector(),
        new RecruiteeConnector(),
        // keyless ATS boards (docs/sources.md)
        new SmartRecruitersConnector(),
        new WorkdayConnector(),
        new PersonioConnector(),
        new TeamtailorConnector(),
        new WorkableConnector(),
        // aggregators and Hacker News (docs/sources.md)
        new HnHiringConnector(),
        new RemotiveConnector(),
        new ArbeitnowConnector(),
        new TheMuseConnector(),
        new JobicyConnector(),
        new UsaJobsConnector(),
        new AdzunaConnector())) {
      BY_TYPE.put(c.type(), c);
    }
  }

  private Connectors() {
  }

  /** The connector of {@code type}, or null. */
  public static ApiConnector of(String type) {
    return BY_TYPE.get(type);
  }

  public static Collection<ApiConnector> all() {
    return BY_TYPE.values();
  }

  /** The source types of every connector. */
  public static List<String> types() {
    return List.copyOf(BY_TYPE.keySet());
  }
}
