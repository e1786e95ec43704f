package io.jobstream.report.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The official figures the report sets beside posted pay: BLS OEWS national median wages of Data
 * Scientists and Software Developers, and the CPS share of women among the employed in the matching
 * occupations. The project keeps these figures as two small tables in the jar (US federal works,
 * public domain), each row naming the BLS table it was taken from in its {@code source} column.
 *
 * <p>SOC codes changed in 2021: for May 2020, OEWS has Data Scientists only within 15-2098 (data
 * scientists and mathematical science occupations, all other) and Software Developers within
 * 15-1256 (with QA analysts and testers); those rows stand in for 2020, under their own titles.
 * CPS counts data scientists in "Other mathematical science occupations", which is the closest
 * row it has.
 */
public final class OfficialReferences {

  public static final String OEWS_RESOURCE = "official-wages.csv";
  public static final String CPS_RESOURCE = "official-workforce.csv";

  /** CPS row in which data scientists are counted. */
  public static final String CPS_DATA_SCIENCE = "Other mathematical science occupations";
  public static final String CPS_SOFTWARE = "Software developers";

  private final Map<Integer, WageReference> dataScientists = new TreeMap<>();
  private final Map<Integer, WageReference> softwareDevelopers = new TreeMap<>();
  private final Map<Integer, WorkforceReference> dataScienceWorkforce = new TreeMap<>();
  private final Map<Integer, WorkforceReference> softwareWorkforce = new TreeMap<>();
  private Optional<DemandIndex> demand = Optional.empty();

  private OfficialReferences() {}

  /**
   * The tables shipped in the jar, and the Indeed Hiring Lab postings index when the data
   * directory has it.
   */
  public static OfficialReferences load(io.jobstream.model.data.DataDirectory data) {
    OfficialReferences refs = load();
    refs.demand = DemandIndex.load(data);
    return refs;
  }

  /** The demand index beside the official figures, when the data directory has it. */
  public Optional<DemandIndex> demand() {
    return demand;
  }

  /** The tables shipped in the jar. */
  public static OfficialReferences load() {
    try (Reader oews = resource(OEWS_RESOURCE); Reader cps = resource(CPS_RESOURCE)) {
      return parse(oews, cps);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the official reference tables", e);
    }
  }

  static OfficialReferences parse(Reader oews, Reader cps) throws IOException {
    OfficialReferences refs = new OfficialReferences();
    for (Map<String, String> row : CsvRows.read(oews)) {
      String soc = row.get("soc_code");
      WageReference wage = new WageReference(Integer.parseInt(row.get("year")), soc,
          row.get("occ_title"), Long.parseLong(row.get("tot_emp")), Double.parseDouble(row.get("a_median")));
      // a specific code wins over the combined one of the same year, whatever the row order
      switch (soc) {
        case "15-2051" -> refs.dataScientists.put(wage.year(), wage);
        case "15-2098" -> refs.dataScientists.putIfAbsent(wage.year(), wage);
        case "15-1252" -> refs.softwareDevelopers.put(wage.year(), wage);
        case "15-1256" -> refs.softwareDevelopers.putIfAbsent(wage.year(), wage);
        default -> { }
      }
    }
    for (Map<String, String> row : CsvRows.read(cps)) {
      String occupation = row.get("occupation");
      String women = row.get("pct_women");
      WorkforceReference w = new WorkforceReference(Integer.parseInt(row.get("year")), occupation,
          Long.parseLong(row.get("employed_thousands")), women == null || women.isEmpty() ? null : Double.valueOf(women));
      if (occupation.equals(CPS_DATA_SCIENCE)) {
        refs.dataScienceWorkforce.put(w.year(), w);
      } else if (occupation.equals(CPS_SOFTWARE)) {
        refs.softwareWorkforce.put(w.year(), w);
      }
    }
    return refs;
  }

  private static Reader resource(String name) {
    InputStream in = OfficialReferences.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("reference table " + name + " is missing from the jar");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  public Optional<WageReference> dataScientistWage(int year) {
    return Optional.ofNullable(dataScientists.get(year));
  }

  public Optional<WageReference> softwareDeveloperWage(int year) {
    return Optional.ofNullable(softwareDevelopers.get(year));
  }

  public Optional<WorkforceReference> dataScienceWorkforce(int year) {
    return Optional.ofNullable(dataScienceWorkforce.get(year));
  }

  public Optional<WorkforceReference> softwareWorkforce(int year) {
    return Optional.ofNullable(softwareWorkforce.get(year));
  }

  /** Years with a wage figure of either occupation, ascending. */
  public List<Integer> wageYears() {
    TreeMap<Integer, Boolean> years = new TreeMap<>();
    dataScientists.keySet().forEach(y -> years.put(y, true));
    softwareDevelopers.keySet().forEach(y -> years.put(y, true));
    return List.copyOf(years.keySet());
  }

  /** Years with a workforce figure of either occupation, ascending. */
  public List<Integer> workforceYears() {
    TreeMap<Integer, Boolean> years = new TreeMap<>();
    dataScienceWorkforce.keySet().forEach(y -> years.put(y, true));
    softwareWorkforce.keySet().forEach(y -> years.put(y, true));
    return List.copyOf(years.keySet());
  }
}
