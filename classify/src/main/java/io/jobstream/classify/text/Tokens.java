package io.jobstream.classify.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Running text split into lower-case word tokens as strings, by the rules of
 * {@link TokenSpans}; for building dictionaries and for tests (scanning uses the spans).
 */
public final class Tokens {

  private Tokens() {}

  public static List<String> of(String text) {
    TokenSpans spans = TokenSpans.of(text);
    List<String> tokens = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      tokens.add(spans.token(i));
    }
    return tokens;
  }
}
