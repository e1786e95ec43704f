package io.jobstream.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.classify.emphasis.Emphasis;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The emphasis classifier on the job ads the project wrote ({@link LabelledAds}): the confusion
 * matrix and per-class precision and recall against the reader's labels, printed; the test fails
 * below the figures reached when the rules were written, so that a change to the rules that loses
 * agreement is seen. Misses are printed with their evidence; {@code -Demphasis.verbose=true}
 * prints every ad's.
 */
class EmphasisAccuracyTest {

  private final PostingEnricher enricher = new PostingEnricher();

  static String describe(Emphasis e) {
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
        "%s score %.2f ml %.1f software %.1f neither %.1f", e.label(), e.score(), e.ml(), e.software(), e.neither()));
    for (Emphasis.Evidence ev : e.evidence()) {
      b.append(String.format(java.util.Locale.ROOT, "%n      %-8s %5.2f %-12s %s", ev.side(), ev.weight(), ev.section(), ev.phrase()));
    }
    return b.toString();
  }

  @Test
  void writtenAdsAgreeWithTheReader() {
    Confusion all = new Confusion("project-written ads");
    for (String group : List.of("written", "written-2020", "descriptions")) {
      Confusion part = new Confusion(group);
      List<LabelledAds.Ad> ads = group.equals("descriptions") ? LabelledAds.descriptions() : LabelledAds.written(group);
      for (LabelledAds.Ad ad : ads) {
        Emphasis e = enricher.enrich(ad.title(), ad.description(), null, null, null, null).emphasis();
        part.add(group + "/" + ad.file(), ad.label(), e.label());
        all.add(group + "/" + ad.file(), ad.label(), e.label());
        if (Boolean.getBoolean("emphasis.verbose") || !ad.label().equals(e.label())) {
          System.out.println((ad.label().equals(e.label()) ? "  ok   " : "  MISS ") + group + "/" + ad.file()
              + " reader " + ad.label() + ", says " + describe(e));
        }
      }
      System.out.println(part.report());
    }
    System.out.println(all.report());
    // the figures reached when the rules were written (40 of 40), less one ad's worth of slack
    assertThat(all.agreement()).as(all.report()).isGreaterThanOrEqualTo(0.95);
    for (String label : Confusion.LABELS) {
      assertThat(all.recall(label)).as(label + " recall\n" + all.report()).isGreaterThanOrEqualTo(0.8);
      assertThat(all.precision(label)).as(label + " precision\n" + all.report()).isGreaterThanOrEqualTo(0.8);
    }
  }
}
