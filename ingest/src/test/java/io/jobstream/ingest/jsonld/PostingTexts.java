package io.jobstream.ingest.jsonld;

import java.util.ArrayList;
import java.util.List;

/**
 * Posting descriptions written by the project in the way career-site adverts are written, with
 * the characters real ones carry that a markup scanner can trip on: double and single quotes,
 * angle brackets and ampersands in prose, text that looks like an entity or a closing script
 * tag, backslashes, non-ASCII letters, an emoji, and line breaks. Each description joins a
 * different run of the sentences below.
 */
final class PostingTexts {

  private static final List<String> SENTENCES = List.of(
      "Harbourline Energy runs the meters of 80,000 homes along the north coast.",
      "Our data team is six people & one very patient dog.",
      "You'll build the \"single source of truth\" for consumption data, and yes, we know everyone says that.",
      "Expect queries where latency < 200 ms and freshness > 99.5%, measured daily.",
      "Experience with Kafka, Flink or Spark is a plus; SQL is a must.",
      "We write 'done' only when a dashboard has been used for a week.",
      "The old pipeline printed </script> into a log line once; we still talk about it.",
      "Some fields arrive as &amp; or &lt;b&gt; because a vendor escapes twice, and you'll fix that upstream.",
      "Paths on the legacy share look like C:\\exports\\2019\\meters, sadly.",
      "Teams sit in Malmö, Zürich and São Paulo, with overlap from 14:00 to 16:00 CET.",
      "Salary: €65,000–€80,000 (EUR), or the local equivalent.",
      "We ship on Tuesdays and Thursdays \u2014 never on Fridays \uD83D\uDE80.",
      "Interviews: a 30-minute call, a take-home (< 3 hours, paid), and a conversation with the team.",
      "If you have ever written <!-- TODO --> in production markup, you are among friends.",
      "You will mentor two analysts, review models, and keep the on-call rota humane.",
      "Benefits include 30 days of leave, a learning budget and a bike lease.",
      "We value clear writing: a design note beats a meeting.",
      "Tell us about a chart you got wrong, and what it taught you.",
      "Tools: Python 3.12, dbt, Airflow, and a Postgres that is older than some of us.",
      "Data protection matters here: meter readings can say when someone is home.",
      "a < b and c > d are comparisons, not tags, in our style guide.",
      "Apply with a CV or a link; cover letters are optional.");

  private PostingTexts() {}

  /** {@code count} descriptions of at least 400 characters each. */
  static List<String> descriptions(int count) {
    List<String> texts = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      StringBuilder text = new StringBuilder();
      for (int s = k; text.length() < 400 + 37 * (k % 7); s += 1 + k % 3) {
        text.append(SENTENCES.get(s % SENTENCES.size())).append(s % 4 == 0 ? "\n\n" : " ");
      }
      texts.add(text.toString().strip());
    }
    return texts;
  }
}
