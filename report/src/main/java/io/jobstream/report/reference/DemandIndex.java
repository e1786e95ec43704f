package io.jobstream.report.reference;

import io.jobstream.model.data.DataDirectory;
import io.jobstream.model.data.DataSet;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Demand beside pay: Indeed Hiring Lab's US job postings index by sector (1 Feb 2020 = 100,
 * seasonally adjusted, daily; CC BY 4.0, attribute "Indeed Hiring Lab") for the sectors where ML
 * engineers and data scientists are posted: Software Development, and Mathematics (whose sample
 * titles include data scientist). Read from the data directory ({@link DataSet#INDEED_HIRING_LAB}):
 * the first CSV file there with the index's columns.
 */
public final class DemandIndex {

  public static final String SOFTWARE = "Software Development";
  public static final String MATHEMATICS = "Mathematics";
  public static final String ATTRIBUTION = "Indeed Hiring Lab, US job postings index by sector (CC BY 4.0)";

  private final Map<String, TreeMap<LocalDate, Double>> bySector;

  private DemandIndex(Map<String, TreeMap<LocalDate, Double>> bySector) {
    this.bySector = bySector;
  }

  /** The index from the data directory, or empty when the set is not there. */
  public static Optional<DemandIndex> load(DataDirectory dir) {
    if (!dir.has(DataSet.INDEED_HIRING_LAB)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir.path(DataSet.INDEED_HIRING_LAB))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          DemandIndex index = parse(reader);
          if (index != null) {
            return Optional.of(index);
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Indeed Hiring Lab index in " + dir.describe(), e);
    }
  }

  /** The index in {@code reader}, or null when it is not a file of the index's layout. */
  static DemandIndex parse(Reader reader) throws IOException {
    Map<String, TreeMap<LocalDate, Double>> bySector = new TreeMap<>();
    List<Map<String, String>> rows = CsvRows.read(reader);
    if (rows.isEmpty() || !rows.get(0).containsKey("indeed_job_postings_index") || !rows.get(0).containsKey("display_name")) {
      return null;
    }
    for (Map<String, String> row : rows) {
      String sector = row.get("display_name");
      if (!sector.equals(SOFTWARE) && !sector.equals(MATHEMATICS)) {
        continue;
      }
      try {
        bySector.computeIfAbsent(sector, s -> new TreeMap<>())
            .put(LocalDate.parse(row.get("date")), Double.valueOf(row.get("indeed_job_postings_index")));
      } catch (RuntimeException badRow) {
        // a row without a date or a number says nothing; the others still do
      }
    }
    return new DemandIndex(bySector);
  }

  /** The mean index of {@code sector} over the days from {@code from} (inclusive) to {@code to} (exclusive), or null. */
  public Double mean(String sector, LocalDate from, LocalDate to) {
    TreeMap<LocalDate, Double> days = bySector.get(sector);
    if (days == null) {
      return null;
    }
    Map<LocalDate, Double> in = days.subMap(from, true, to, false);
    return in.isEmpty() ? null : in.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** The first and last day of the index. */
  public Optional<LocalDate[]> span() {
    LocalDate first = null;
    LocalDate last = null;
    for (TreeMap<LocalDate, Double> days : bySector.values()) {
      if (!days.isEmpty()) {
        first = first == null || days.firstKey().isBefore(first) ? days.firstKey() : first;
        last = last == null || days.lastKey().isAfter(last) ? days.lastKey() : last;
      }
    }
    return first == null ? Optional.empty() : Optional.of(new LocalDate[] {first, last});
  }
}
