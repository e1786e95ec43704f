package io.jobstream.aggregate.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.model.Location;
import org.junit.jupiter.api.Test;

/** What copies vary in is normalized away; what tells jobs apart is kept. */
class NormalizersTest {

  @Test
  void companyNamesLoseLegalFormsPunctuationAndALeadingThe() {
    assertThat(CompanyName.normalize("Acme Robotics, Inc.")).isEqualTo("acmerobotics");
    assertThat(CompanyName.normalize("The Acme Robotics Corp")).isEqualTo("acmerobotics");
    assertThat(CompanyName.normalize("ACME ROBOTICS L.L.C.")).isEqualTo("acmerobotics");
    assertThat(CompanyName.normalize("Acme Robotics GmbH")).isEqualTo("acmerobotics");
    assertThat(CompanyName.normalize("Acme Co., Ltd.")).isEqualTo("acme");
    assertThat(CompanyName.normalize("Müller & Söhne")).isEqualTo("mullerandsohne");
    // a name that is nothing but a legal form keeps it; another company stays another
    assertThat(CompanyName.normalize("Company")).isEqualTo("company");
    assertThat(CompanyName.normalize("Acme Robotics")).isNotEqualTo(CompanyName.normalize("Acme Logistics"));
  }

  @Test
  void titlesHaveAbbreviationsWrittenOutAndWordOrderIgnored() {
    String senior = JobTitle.normalize("Senior Machine Learning Engineer");
    assertThat(JobTitle.normalize("Sr. ML Eng")).isEqualTo(senior);
    assertThat(JobTitle.normalize("Machine Learning Engineer, Senior")).isEqualTo(senior);
    assertThat(JobTitle.normalize("Senior Machine-Learning Engineer (m/w/d)")).isEqualTo(senior);
    assertThat(JobTitle.normalize("Data Engineer II")).isEqualTo(JobTitle.normalize("Data Engineer 2"));
    assertThat(JobTitle.normalize("Software Engineer I")).isEqualTo("1 engineer software");
    assertThat(JobTitle.normalize("Engineering Mgr")).isEqualTo(JobTitle.normalize("Engineering Manager"));
    // what makes another job is kept: the level, the field
    assertThat(JobTitle.normalize("Junior Data Engineer")).isNotEqualTo(JobTitle.normalize("Senior Data Engineer"));
    assertThat(JobTitle.normalize("Data Engineer")).isNotEqualTo(JobTitle.normalize("Data Scientist"));
  }

  @Test
  void placesHaveRegionsAsCodesAndCountriesAsIsoCodes() {
    String austin = PlaceName.normalize(new Location("Austin", "TX", "US", "Austin, TX, US"), false);
    assertThat(austin).isEqualTo("austin|tx|us");
    assertThat(PlaceName.normalize(Location.ofText("Austin, Texas, United States"), false)).isEqualTo(austin);
    assertThat(PlaceName.normalize(Location.ofText("Austin, TX"), false)).isEqualTo(austin);
    assertThat(PlaceName.normalize(Location.ofText("Austin, Texas, USA"), null)).isEqualTo(austin);
    assertThat(PlaceName.normalize(Location.ofText("Atlanta, Georgia"), false)).isEqualTo("atlanta|ga|us");
    assertThat(PlaceName.normalize(Location.ofText("San Jose, CA"), false)).isEqualTo("san jose|ca|us");
    assertThat(PlaceName.normalize(Location.ofText("Toronto, Ontario, Canada"), false)).isEqualTo("toronto|on|ca");
    assertThat(PlaceName.normalize(Location.ofText("München, Deutschland"), false)).isEqualTo("munchen||de");
    assertThat(PlaceName.normalize(new Location(null, null, "US", null), true)).isEqualTo("remote||us");
    // a remote job listed under a city: the board's city is not where the work is
    assertThat(PlaceName.normalize(Location.ofText("Juneau, AK"), true)).isEqualTo("remote||us");
    assertThat(PlaceName.normalize(Location.ofText("Richmond, VA"), true)).isEqualTo("remote||us");
    assertThat(PlaceName.normalize(Location.ofText("München, Deutschland"), true)).isEqualTo("remote||de");
    assertThat(PlaceName.samePlace("remote||us", "remote||de")).isFalse();
    assertThat(PlaceName.normalize(Location.ofText("Multiple locations"), false)).isEqualTo(PlaceName.MULTI);
    assertThat(PlaceName.normalize(Location.ofText("Austin, TX; Denver, CO"), false)).isEqualTo(PlaceName.MULTI);
    assertThat(PlaceName.normalize(null, null)).isEmpty();
  }

  @Test
  void placesAreTheSameWhenEveryPartGivenOnBothSidesIsEqual() {
    assertThat(PlaceName.samePlace("austin|tx|us", "austin||us")).isTrue();
    assertThat(PlaceName.samePlace("austin|tx|us", "")).isTrue();
    assertThat(PlaceName.samePlace("austin|tx|us", PlaceName.MULTI)).isTrue();
    assertThat(PlaceName.samePlace("austin|tx|us", "denver|co|us")).isFalse();
    assertThat(PlaceName.samePlace("portland|or|us", "portland|me|us")).isFalse();
  }

  @Test
  void boilerplateSentencesAreRemovedAndTheJobKept() {
    String job = "You will build pipelines on Spark. The team ships weekly.";
    assertThat(Boilerplate.strip(job + " Apply today through our careers portal.")).isEqualTo(job);
    assertThat(Boilerplate.strip(job + "\nAcme is an equal opportunity employer.")).isEqualTo(job);
    assertThat(Boilerplate.strip(job + " Originally posted on Jobhub; view more jobs like this.")).isEqualTo(job);
    assertThat(Boilerplate.strip(job + " Benefits include medical, dental and vision.")).isEqualTo(job);
    assertThat(Boilerplate.strip(job)).isEqualTo(job);
    // nothing but boilerplate: kept whole rather than compared as nothing
    assertThat(Boilerplate.strip("Apply now!")).isEqualTo("Apply now!");
  }

  @Test
  void aLongCompanyAndTitleMakeABoundedKeyThatStillTellsThemApart() {
    io.jobstream.model.RawPosting a = new io.jobstream.model.RawPosting(1, "jsonld", "a", "a", null,
        "Engineer " + "x".repeat(900), "Acme " + "y".repeat(900), null, false, null, null, null, "An ad.", null, null,
        null, null);
    io.jobstream.model.RawPosting b = new io.jobstream.model.RawPosting(1, "jsonld", "b", "b", null,
        "Engineer " + "x".repeat(900) + "z", "Acme " + "y".repeat(900), null, false, null, null, null, "An ad.", null,
        null, null, null);
    assertThat(CopyFeatures.duplicateKey(a)).hasSize(CopyFeatures.MAX_KEY_CHARS);
    assertThat(CopyFeatures.duplicateKey(a)).isNotEqualTo(CopyFeatures.duplicateKey(b));
  }

  @Test
  void minHashEstimatesTheSimilarityOfTextsAndIsTheSameOnEveryRun() {
    String a = "You will join the payments team and own services built on Kafka and Postgres. "
        + "Day to day you design, build and operate pipelines that move ten million events a day. "
        + "Strong SQL and at least five years of experience with Spark are expected.";
    assertThat(MinHash.signature(a)).isEqualTo(MinHash.signature(a.toUpperCase().replace(".", " !")));
    assertThat(MinHash.signature(a)).hasSize(171);
    assertThat(MinHash.similarity(MinHash.signature(a), MinHash.signature(a))).isEqualTo(1.0);
    double nearly = MinHash.similarity(MinHash.signature(a), MinHash.signature(a + " We value clear writing."));
    assertThat(nearly).isBetween(0.6, 0.99);
    double other = MinHash.similarity(MinHash.signature(a),
        MinHash.signature("Our stack includes Rust, Redis and a lot of home-grown tooling for the search team."));
    assertThat(other).isLessThan(0.2);
    // short texts: every position is a minimum of the text's own shingles, none a shared placeholder
    assertThat(MinHash.similarity(MinHash.signature("A job (a)."), MinHash.signature("A job (b)."))).isLessThan(0.1);
    // pinned: a change of seed or hash changes every stored signature, so it must be deliberate
    assertThat(MinHash.signature("a b c d").substring(0, 24)).isEqualTo("hzdl9Q3PffhY9uLT7hpPbYR6");
  }
}
