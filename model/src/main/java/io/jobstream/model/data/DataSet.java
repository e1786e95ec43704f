package io.jobstream.model.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data sets published by others that jobstream knows: where each lives in the data directory
 * ({@link DataDirectory}), who published it, under which licence, and how to get it. None of them
 * is part of the repository or the jars; {@code jobstream data list} shows them and
 * {@code jobstream data fetch} downloads those with a direct download.
 */
public enum DataSet {

  SALARY_SURVEY("ai-jobs-salaries", "ai-jobs-salaries-2020-2024.csv",
      "ai-jobs.net salary survey export (the \"Data Science Job Salaries\" layout), 2020-2024",
      "ai-jobs.net", "CC0 1.0 (public domain)", "ai-jobs.net salary survey",
      "https://ai-jobs.net/salaries/download/",
      "https://ai-jobs.net/salaries/download/salaries.csv",
      null),
  LINKEDIN_POSTINGS_A("linkedin-postings-a", "linkedin-postings-2024-a.csv",
      "a sample of LinkedIn postings of April 2024 (Kaggle \"LinkedIn Job Postings 2023-2024\" layout)",
      "arshkon (Kaggle)", "CC BY-SA 4.0", "arshkon, \"LinkedIn Job Postings 2023-2024\", Kaggle",
      "https://www.kaggle.com/datasets/arshkon/linkedin-job-postings",
      null,
      "needs a Kaggle account: sign in at kaggle.com, download postings.csv of"
          + " https://www.kaggle.com/datasets/arshkon/linkedin-job-postings, and save the rows you want"
          + " (with the header) as linkedin-postings-2024-a.csv in the data directory"),
  LINKEDIN_POSTINGS_B("linkedin-postings-b", "linkedin-postings-2024-b.csv",
      "a second sample of the same LinkedIn postings (UTF-8)",
      "arshkon (Kaggle)", "CC BY-SA 4.0", "arshkon, \"LinkedIn Job Postings 2023-2024\", Kaggle",
      "https://www.kaggle.com/datasets/arshkon/linkedin-job-postings",
      null,
      "needs a Kaggle account: as for linkedin-postings-a, saved as linkedin-postings-2024-b.csv"),
  USAJOBS_POSTINGS("usajobs-postings", "usajobs-postings-2023-2025.csv",
      "US federal postings seen on USAJOBS, Feb 2023 - Jul 2025, one row per posting id",
      "US Office of Personnel Management (USAJOBS)", "US federal government work (public domain)",
      "USAJOBS", "https://www.usajobs.gov/", null,
      "not offered as one download: collect it with the USAJOBS search API (https://developer.usajobs.gov/)"
          + " and save it as usajobs-postings-2023-2025.csv"),
  USAJOBS_SEARCH_RESPONSE("usajobs-search-response", "usajobs-search-response-2016.json",
      "one USAJOBS search API response (8 postings)",
      "US Office of Personnel Management (USAJOBS)", "US federal government work (public domain)",
      "USAJOBS", "https://developer.usajobs.gov/", null,
      "needs a USAJOBS API key: request one at https://developer.usajobs.gov/, save a search answer"
          + " as usajobs-search-response-2016.json"),
  GREENHOUSE_API_2013("greenhouse-api-2013", "greenhouse-api-2013",
      "recorded exchanges with the Greenhouse job-board API (YAML cassettes of the greenhouse_io gem)",
      "Greenhouse Software (greenhouse_io gem)", "MIT", "greenhouse_io, Copyright (c) Greenhouse Software",
      "https://github.com/grnhse/greenhouse_io", null,
      "copy spec/fixtures/cassettes/*.yml of https://github.com/grnhse/greenhouse_io into greenhouse-api-2013/"),
  BLS_OEWS("bls-oews", "bls/oews-national-wages-2020-2024.csv",
      "BLS Occupational Employment and Wage Statistics, national, May 2020-2024, tech and data occupations",
      "US Bureau of Labor Statistics", "US federal government work (public domain)",
      "US Bureau of Labor Statistics, OEWS", "https://www.bls.gov/oes/tables.htm", null,
      "the figures the report uses ship with jobstream (official-wages.csv in the report module);"
          + " BLS publishes the full tables as spreadsheets at https://www.bls.gov/oes/tables.htm"),
  BLS_CPS("bls-cps", "bls/cps-table11-tech-occupations.csv",
      "BLS Current Population Survey table 11 (employed persons by occupation, sex, race), tech and data occupations",
      "US Bureau of Labor Statistics", "US federal government work (public domain)",
      "US Bureau of Labor Statistics, CPS", "https://www.bls.gov/cps/tables.htm", null,
      "the figures the report uses ship with jobstream (official-workforce.csv in the report module);"
          + " BLS publishes the full tables at https://www.bls.gov/cps/tables.htm"),
  SKILLS_ML_SAMPLE("skills-ml-sample", "skills-ml-sample",
      "50 postings of 2016 in a schema.org-JobPosting-like JSON layout, with O*NET codes",
      "Workforce Data Initiative (skills-ml)", "MIT", "skills-ml, Workforce Data Initiative",
      "https://github.com/workforce-data-initiative/skills-ml", null,
      "copy 50_sample.json.gz and sample_job_listing.json of https://github.com/workforce-data-initiative/skills-ml"
          + " into skills-ml-sample/"),
  JOBPOSTING_CORPUS("jobposting-corpus", "jobposting-corpus",
      "25 pages of schema.org JobPosting markup (microdata, RDFa Lite, JSON-LD) from schema.org's examples,"
          + " validator galleries and markup generators",
      "schema.org and others (see the corpus's PROVENANCE.md)", "CC BY-SA 3.0, Apache-2.0, MIT, per file",
      "schema.org and the authors named per file", "https://schema.org/JobPosting", null,
      "collected by hand from the pages its PROVENANCE.md names; put them in jobposting-corpus/"),
  INDEED_HIRING_LAB("indeed-hiring-lab", "indeed-hiring-lab",
      "Indeed Hiring Lab US job postings index by sector, daily 2020-02-01 to 2024-09-27",
      "Indeed Hiring Lab", "CC BY 4.0", "Indeed Hiring Lab",
      "https://github.com/hiring-lab/job_postings_tracker", null,
      "download the sector index CSV of https://github.com/hiring-lab/job_postings_tracker into indeed-hiring-lab/");

  private final String id;
  private final String fileName;
  private final String description;
  private final String publisher;
  private final String licence;
  private final String attribution;
  private final String sourceUrl;
  private final String downloadUrl;
  private final String steps;

  DataSet(String id, String fileName, String description, String publisher, String licence, String attribution,
      String sourceUrl, String downloadUrl, String steps) {
    this.id = id;
    this.fileName = fileName;
    this.description = description;
    this.publisher = publisher;
    this.licence = licence;
    this.attribution = attribution;
    this.sourceUrl = sourceUrl;
    this.downloadUrl = downloadUrl;
    this.steps = steps;
  }

  /** The short name commands take, e.g. {@code ai-jobs-salaries}. */
  public String id() {
    return id;
  }

  /** The file (or folder) in the data directory, relative to it, with {@code /} as separator. */
  public String fileName() {
    return fileName;
  }

  /** Whether the set is a folder of files rather than one file. */
  public boolean isFolder() {
    return !fileName.contains(".");
  }

  public String description() {
    return description;
  }

  public String publisher() {
    return publisher;
  }

  public String licence() {
    return licence;
  }

  /** What a user of the set must credit. */
  public String attribution() {
    return attribution;
  }

  /** Where the publisher offers it. */
  public String sourceUrl() {
    return sourceUrl;
  }

  /** A direct download {@code jobstream data fetch} uses, if the publisher offers one. */
  public Optional<String> downloadUrl() {
    return Optional.ofNullable(downloadUrl);
  }

  /** How to get a set that has no direct download (an account, an API key, by hand). */
  public Optional<String> steps() {
    return Optional.ofNullable(steps);
  }

  /** The set named {@code id} (or its file name), or empty. */
  public static Optional<DataSet> byId(String id) {
    String wanted = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id.equals(wanted) || s.fileName.equals(wanted)).findFirst();
  }

  /** The ids, comma-separated, for usage messages. */
  public static String ids() {
    return Arrays.stream(values()).map(DataSet::id).collect(Collectors.joining(", "));
  }

  /** The sets with a direct download. */
  public static List<DataSet> downloadable() {
    return Arrays.stream(values()).filter(s -> s.downloadUrl != null).toList();
  }
}
