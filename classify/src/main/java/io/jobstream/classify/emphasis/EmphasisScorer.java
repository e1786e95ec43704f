package io.jobstream.classify.emphasis;

import io.jobstream.classify.emphasis.AdSections.Layout;
import io.jobstream.classify.emphasis.AdSections.Section;
import io.jobstream.classify.emphasis.EmphasisRules.Rule;
import io.jobstream.classify.emphasis.EmphasisRules.Side;
import io.jobstream.classify.text.TokenSpans;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides an ad's {@link Emphasis} from evidence of what the employer mainly expects, not from
 * the tools it lists. One pass over the description's tokens finds the phrases of
 * {@link EmphasisRules}; each mention adds its rule's weight times its section's weight
 * ({@link AdSections.Section}), times {@value #OPTIONAL_FACTOR} in a sentence that marks it as
 * optional ("a plus") and times 0 in one that gives the work to someone else or is legal text.
 * A rule counts at most {@value #RULE_CAP} times its weight however often it is repeated. The
 * title's phrases count with weight 1.
 *
 * <p>With {@code ml}, {@code software} and {@code neither} the points of the three sides and
 * {@code depth = ml + software}, the label is
 * <ul>
 *   <li>{@code neither} when {@code depth < }{@value #MIN_DEPTH} points (too little evidence of
 *       either depth) or {@code neither > }{@value #NEITHER_RATIO}{@code  * depth} (the ad mainly
 *       asks for analytics, management, support...);</li>
 *   <li>else by the ML share {@code ml / (ml + software)}: {@code ml_heavy} from
 *       {@value #ML_HEAVY_SHARE}, {@code software_heavy} up to {@value #SOFTWARE_HEAVY_SHARE},
 *       {@code balanced} between.</li>
 * </ul>
 * Thread-safe; build one and share it.
 */
public final class EmphasisScorer {

  /** Points of evidence below which an ad shows too little depth of either kind. */
  public static final double MIN_DEPTH = 3.0;
  /** Other work outweighs depth by this factor: the ad is mainly something else. */
  public static final double NEITHER_RATIO = 1.0;
  /** Share of ML points from which an ad is ML-heavy. */
  public static final double ML_HEAVY_SHARE = 0.6;
  /**
   * Share of ML points up to which an ad is software-heavy. Lower than {@code 1 - ML_HEAVY_SHARE}
   * because ads spell out engineering practice in more separate phrases (testing, CI/CD, code
   * review, on-call...) than modelling, so a job split evenly scores more software points.
   */
  public static final double SOFTWARE_HEAVY_SHARE = 0.25;
  /** Factor on evidence in a sentence that marks it as optional. */
  public static final double OPTIONAL_FACTOR = 0.5;
  /** Most a rule adds, in multiples of its weight (after section weights), however often it matches. */
  public static final double RULE_CAP = 2.0;
  /** Phrases of evidence kept per side. */
  public static final int EVIDENCE_PER_SIDE = 4;

  private final EmphasisRules rules;
  private final AdSections sections;

  public EmphasisScorer() {
    this(EmphasisRules.builtIn(), AdSections.builtIn());
  }

  public EmphasisScorer(EmphasisRules rules, AdSections sections) {
    this.rules = rules;
    this.sections = sections;
  }

  /** The emphasis of an ad; {@code title} may be null, {@code text} is the tokenized description. */
  public Emphasis score(String title, TokenSpans text) {
    Tally tally = new Tally();
    if (title != null && !title.isBlank()) {
      TokenSpans titleTokens = TokenSpans.of(title);
      tally.tokens = titleTokens;
      rules.titlePatterns().scan(titleTokens, (start, end, rule) -> {
        if (rule.side().isEvidence()) {
          tally.add(rule, rule.weight(), start, end, null);
        }
      });
    }
    Layout layout = sections.read(text);
    Reader reader = new Reader(tally, text, layout);
    rules.textPatterns().scan(text, reader::found);
    reader.finish();
    return tally.emphasis();
  }

  /** Walks the description's matches in order, keeping track of section and sentence. */
  private static final class Reader {
    final Tally tally;
    final TokenSpans tokens;
    final Layout layout;
    int nextSection = 1;
    Section section;
    int cursor = 1; // the first token whose break before it is still to be checked
    // the current sentence's evidence, committed when it ends
    Rule[] pending = new Rule[8];
    int[] pendingStart = new int[8];
    int[] pendingEnd = new int[8];
    Section[] pendingSection = new Section[8];
    int pendingCount;
    boolean negated;
    boolean optional;

    Reader(Tally tally, TokenSpans tokens, Layout layout) {
      this.tally = tally;
      this.tokens = tokens;
      this.layout = layout;
      this.section = layout.section(0);
      tally.tokens = tokens;
    }

    void found(int start, int end, Rule rule) {
      advance(start);
      cursor = Math.max(cursor, end); // breaks inside a match do not split it
      switch (rule.side()) {
        case NEGATE, SKIP -> negated = true;
        case OPTIONAL -> optional = true;
        case NONE -> { }
        default -> {
          if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, pendingCount * 2);
            pendingStart = Arrays.copyOf(pendingStart, pendingCount * 2);
            pendingEnd = Arrays.copyOf(pendingEnd, pendingCount * 2);
            pendingSection = Arrays.copyOf(pendingSection, pendingCount * 2);
          }
          pending[pendingCount] = rule;
          pendingStart[pendingCount] = start;
          pendingEnd[pendingCount] = end;
          pendingSection[pendingCount] = section;
          pendingCount++;
        }
      }
    }

    /** Moves to token {@code token}, ending the sentences and entering the sections on the way. */
    private void advance(int token) {
      for (int t = cursor; t <= token; t++) {
        if ((tokens.breakBefore(t) & TokenSpans.SENTENCE) != 0) {
          commit();
          break; // one commit suffices: nothing is pending after it
        }
      }
      cursor = Math.max(cursor, token + 1);
      while (nextSection < layout.count() && layout.start(nextSection) <= token) {
        section = layout.section(nextSection++);
      }
    }

    private void commit() {
      double factor = negated ? 0 : optional ? OPTIONAL_FACTOR : 1;
      for (int k = 0; k < pendingCount; k++) {
        double w = pending[k].weight() * pendingSection[k].weight() * factor;
        if (w > 0) {
          tally.add(pending[k], w, pendingStart[k], pendingEnd[k], pendingSection[k]);
        }
      }
      pendingCount = 0;
      negated = false;
      optional = false;
    }

    void finish() {
      commit();
    }
  }

  /** Points per rule (capped), per side, and each rule's heaviest mention for the evidence. */
  private static final class Tally {
    TokenSpans tokens; // of the current mentions, to quote them
    Rule[] rule = new Rule[32];
    double[] points = new double[32];
    double[] cap = new double[32];
    double[] heaviest = new double[32];
    int[] start = new int[32];
    int[] end = new int[32];
    TokenSpans[] source = new TokenSpans[32];
    Section[] where = new Section[32];
    int count;

    void add(Rule r, double w, int from, int to, Section section) {
      int k = 0;
      while (k < count && rule[k] != r) {
        k++;
      }
      if (k == count) {
        if (count == rule.length) {
          grow();
        }
        rule[k] = r;
        points[k] = 0;
        cap[k] = 0;
        heaviest[k] = 0;
        count++;
      }
      points[k] += w;
      cap[k] = Math.max(cap[k], RULE_CAP * r.weight() * (section == null ? 1 : section.weight()));
      if (w > heaviest[k]) {
        heaviest[k] = w;
        start[k] = from;
        end[k] = to;
        source[k] = tokens;
        where[k] = section;
      }
    }

    private void grow() {
      int n = rule.length * 2;
      rule = Arrays.copyOf(rule, n);
      points = Arrays.copyOf(points, n);
      cap = Arrays.copyOf(cap, n);
      heaviest = Arrays.copyOf(heaviest, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      source = Arrays.copyOf(source, n);
      where = Arrays.copyOf(where, n);
    }

    double counted(int k) {
      return Math.min(points[k], cap[k]);
    }

    Emphasis emphasis() {
      double ml = 0;
      double software = 0;
      double neither = 0;
      for (int k = 0; k < count; k++) {
        switch (rule[k].side()) {
          case ML -> ml += counted(k);
          case SOFTWARE -> software += counted(k);
          default -> neither += counted(k);
        }
      }
      double depth = ml + software;
      String label;
      if (depth < MIN_DEPTH || neither > NEITHER_RATIO * depth) {
        label = Emphasis.NEITHER;
      } else {
        double share = ml / (ml + software);
        label = share >= ML_HEAVY_SHARE ? Emphasis.ML_HEAVY
            : share <= SOFTWARE_HEAVY_SHARE ? Emphasis.SOFTWARE_HEAVY : Emphasis.BALANCED;
      }
      double score = ml + software == 0 ? 0 : (ml - software) / (ml + software);
      List<Emphasis.Evidence> evidence = new ArrayList<>();
      evidence(Side.ML, evidence);
      evidence(Side.SOFTWARE, evidence);
      evidence(Side.NEITHER, evidence);
      return new Emphasis(label, round(score), round(ml), round(software), round(neither), evidence);
    }

    /** The heaviest few rules of a side, each quoted by its heaviest mention. */
    private void evidence(Side side, List<Emphasis.Evidence> out) {
      boolean[] taken = new boolean[count];
      for (int n = 0; n < EVIDENCE_PER_SIDE; n++) {
        int best = -1;
        for (int k = 0; k < count; k++) {
          if (!taken[k] && rule[k].side() == side && (best < 0 || counted(k) > counted(best))) {
            best = k;
          }
        }
        if (best < 0) {
          return;
        }
        taken[best] = true;
        out.add(new Emphasis.Evidence(side.id(), quote(best), round(counted(best)),
            where[best] == null ? "title" : where[best].id()));
      }
    }

    private String quote(int k) {
      StringBuilder b = new StringBuilder();
      for (int t = start[k]; t < end[k]; t++) {
        if (t > start[k]) {
          b.append(' ');
        }
        b.append(source[k].chars(), source[k].start(t), source[k].end(t) - source[k].start(t));
      }
      return b.toString();
    }

    private static double round(double x) {
      return Math.round(x * 1000) / 1000.0;
    }
  }
}
