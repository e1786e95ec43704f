package io.jobstream.classify.emphasis;

import io.jobstream.classify.text.TokenPatterns;
import io.jobstream.classify.text.TokenSpans;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Finds the sections of a job ad from its headings ("Requirements", "What you'll do", "Nice to
 * have", "About us", "Benefits"...), so that what an ad asks for can count more than what it says
 * about the company or its benefits. A heading is a line of at most {@value #MAX_HEADING_TOKENS}
 * tokens, or a run of as many ending in a colon ("Qualifications: ..."), that a heading pattern
 * of {@code ad-sections.tsv} covers entirely; a section runs until the next heading. Text before
 * the first heading is {@link Section#INTRO}. Ads pasted without line breaks keep only their
 * inline ("...: ") headings.
 */
public final class AdSections {

  /** Longest heading, in tokens: longer lines are text, however they begin. */
  public static final int MAX_HEADING_TOKENS = 8;

  /**
   * A part of an ad and how much evidence in it counts (a factor on a rule's weight).
   * Responsibilities and requirements say what the employer mainly expects (1); the text before
   * any heading is usually a summary of the role, sometimes a company blurb (0.8); preferred
   * qualifications are wishes (0.5); company descriptions say what the company does, not the
   * job (0.25); benefits and equal-opportunity text say nothing about the job (0).
   */
  public enum Section {
    INTRO(0.8),
    ROLE(1.0),
    REQUIREMENTS(1.0),
    PREFERRED(0.5),
    COMPANY(0.25),
    BENEFITS(0.0),
    EEO(0.0);

    private final double weight;
    private final String id = name().toLowerCase(Locale.ROOT); // once: every verdict quotes it

    Section(double weight) {
      this.weight = weight;
    }

    /** Factor on the weight of evidence found in this section, 0..1. */
    public double weight() {
      return weight;
    }

    /** Lower-case name, as the evidence reports it. */
    public String id() {
      return id;
    }
  }

  /**
   * The sections of one ad: section {@code sections[k]} starts at token {@code starts[k]}, in
   * token order; the first starts at token 0.
   */
  public static final class Layout {
    private int[] starts = new int[8];
    private Section[] sections = new Section[8];
    private int count;

    private void add(int start, Section section) {
      if (count > 0 && sections[count - 1] == section) {
        return;
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        sections = Arrays.copyOf(sections, count * 2);
      }
      starts[count] = start;
      sections[count] = section;
      count++;
    }

    /** Number of sections. */
    public int count() {
      return count;
    }

    public int start(int k) {
      return starts[k];
    }

    public Section section(int k) {
      return sections[k];
    }

    /** The section token {@code token} is in (a binary search; scans walk {@link #start} instead). */
    public Section at(int token) {
      int k = Arrays.binarySearch(starts, 0, count, token);
      return sections[k >= 0 ? k : -k - 2];
    }
  }

  private static final AdSections BUILT_IN = new AdSections(load("ad-sections.tsv"));

  private final TokenPatterns<Section> headings;

  private AdSections(TokenPatterns<Section> headings) {
    this.headings = headings;
  }

  /** The headings of {@code ad-sections.tsv} in this package's resources. */
  public static AdSections builtIn() {
    return BUILT_IN;
  }

  /** The sections of an ad's tokens. */
  public Layout read(TokenSpans tokens) {
    Layout layout = new Layout();
    layout.add(0, Section.INTRO);
    int n = tokens.size();
    Section[] heading = new Section[1];
    int i = 0;
    while (i < n) {
      // i starts a sentence or line; find where it ends, looking no further than a heading's length
      int end = i + 1;
      while (end < n && end - i <= MAX_HEADING_TOKENS
          && (tokens.breakBefore(end) & TokenSpans.SENTENCE) == 0) {
        end++;
      }
      int after = tokens.breakBefore(end);
      boolean shortRun = end - i <= MAX_HEADING_TOKENS && (after & TokenSpans.SENTENCE) != 0;
      boolean alone = (tokens.breakBefore(i) & TokenSpans.LINE) != 0 && (after & TokenSpans.LINE) != 0;
      if (shortRun && (alone || (after & TokenSpans.COLON) != 0)) {
        int start = i;
        int stop = end;
        heading[0] = null;
        headings.scan(tokens, start, stop, (s, e, section) -> {
          if (s == start && e == stop) {
            heading[0] = section;
          }
        });
        if (heading[0] != null) {
          layout.add(end, heading[0]);
        }
      }
      // on to the next sentence start
      i = end;
      while (i < n && (tokens.breakBefore(i) & TokenSpans.SENTENCE) == 0) {
        i++;
      }
    }
    return layout;
  }

  private static TokenPatterns<Section> load(String resource) {
    TokenPatterns<Section> patterns = new TokenPatterns<>();
    try (InputStream in = AdSections.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t");
        patterns.add(fields[1], Section.valueOf(fields[0].trim().toUpperCase(Locale.ROOT)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return patterns;
  }
}
