package io.jobstream.report.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class OfficialReferencesTest {

  private final OfficialReferences refs = OfficialReferences.load();

  @Test
  void readsTheShippedOewsMediansOfDataScientistsAndSoftwareDevelopers() {
    assertThat(refs.dataScientistWage(2024).orElseThrow().medianAnnual()).isEqualTo(112590);
    assertThat(refs.softwareDeveloperWage(2024).orElseThrow().medianAnnual()).isEqualTo(133080);
    assertThat(refs.dataScientistWage(2021).orElseThrow().soc()).isEqualTo("15-2051");
    assertThat(refs.wageYears()).containsExactly(2020, 2021, 2022, 2023, 2024);
  }

  @Test
  void beforeTheCodesOf2021TheCombinedOccupationsStandIn() {
    WageReference ds2020 = refs.dataScientistWage(2020).orElseThrow();
    assertThat(ds2020.soc()).isEqualTo("15-2098");
    assertThat(ds2020.medianAnnual()).isEqualTo(98230);
    assertThat(refs.softwareDeveloperWage(2020).orElseThrow().soc()).isEqualTo("15-1256");
  }

  @Test
  void aSpecificCodeWinsOverTheCombinedOneWhateverTheOrder() throws Exception {
    String header = "reference_period,year,soc_code,occ_title,tot_emp,a_median\n";
    String specific = "May 2021,2021,15-2051,Data Scientists,1,100\n";
    String combined = "May 2021,2021,15-2098,\"Data Scientists and Mathematical Science Occupations, All Other\",2,200\n";
    String cps = "year,occupation,employed_thousands,pct_women\n";
    for (String oews : new String[] {header + specific + combined, header + combined + specific}) {
      OfficialReferences r = OfficialReferences.parse(new StringReader(oews), new StringReader(cps));
      assertThat(r.dataScientistWage(2021).orElseThrow().medianAnnual()).isEqualTo(100);
    }
  }

  @Test
  void womenSharesOfTheCpsRowsThatHoldDataScientistsAndSoftwareDevelopers() {
    assertThat(refs.dataScienceWorkforce(2025).orElseThrow().percentWomen()).isEqualTo(41.8);
    assertThat(refs.softwareWorkforce(2020).orElseThrow().percentWomen()).isEqualTo(19.4);
    assertThat(refs.dataScienceWorkforce(2023)).isEmpty();
    assertThat(refs.workforceYears()).containsExactly(2020, 2021, 2022, 2025);
  }

  @Test
  void quotedFieldsKeepTheirCommasAndQuotes() {
    assertThat(CsvRows.split("a,\"b, c\",\"say \"\"hi\"\"\",")).containsExactly("a", "b, c", "say \"hi\"", "");
  }
}
