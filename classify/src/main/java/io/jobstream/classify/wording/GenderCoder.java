package io.jobstream.classify.wording;

import java.util.ArrayList;
import java.util.Arrays;
import io.jobstream.classify.text.TokenSpans;
import java.util.List;
import java.util.Set;

/**
 * Counts gender-coded words (see {@link GenderCoding}) in tokenized text with a character trie of
 * the word stems: each token is walked once, and a string is built only for each coded word the
 * coding lists.
 */
public final class GenderCoder {

  /** Masculine-coded stems; a trailing '*' matches any ending. */
  static final List<String> MASCULINE = List.of(
      "active", "adventurous", "aggress*", "ambitio*", "analy*", "assert*", "athlet*", "autonom*",
      "battle*", "boast*", "challeng*", "champion*", "compet*", "confident", "courag*", "decide",
      "decisive", "decision*", "determin*", "dominant", "domina*", "driven", "fearless", "fight*",
      "force*", "greedy", "headstrong", "hierarch*", "hostil*", "impulsive", "independen*",
      "individual*", "intellect*", "lead*", "logic", "masculine", "objective", "opinion",
      "outspoken", "persist", "principle*", "reckless", "selfconfiden*", "selfrelian*",
      "selfsufficien*", "stubborn", "superior", "unreasonab*");

  /** Feminine-coded stems; a trailing '*' matches any ending. */
  static final List<String> FEMININE = List.of(
      "affectionate", "agree*", "cheer*", "child*", "collab*", "commit*", "communal",
      "compassion*", "connect*", "considerate", "cooperat*", "depend*", "emotiona*", "empath*",
      "enthusias*", "feel*", "feminine", "flatterable", "gentle", "honest", "inclusive",
      "interdependen*", "interpersona*", "kind", "kinship", "loyal*", "modesty", "nag",
      "nurtur*", "pleasant*", "polite", "quiet*", "respon*", "sensitiv*", "share", "sharin*",
      "submissive", "support*", "sympath*", "tender*", "together*", "trust*", "understand*",
      "warm*", "whin*", "yield*");

  private static final int MAX_WORDS = 20;

  /**
   * Known false hits of stem matching, never counted: section headings and field names that
   * every ad of a kind contains ("Responsibilities:", "analytics"), and words the stems catch by
   * accident ("committee", "dependents", "childcare").
   */
  static final java.util.Set<String> NOT_CODED = java.util.Set.of(
      "responsibilities", "responsibility", "committee", "committees", "analytics", "analyst",
      "analysts", "dependents", "childcare", "forced", "forces", "leadsource");

  /**
   * Known false hits in context, as (word, neighbour) pairs: the word is not counted when the
   * previous token (prefix "<") or the next token (prefix ">") is the neighbour. "data-driven",
   * "competitive salary", "qualified individuals with disabilities" (equal-opportunity
   * boilerplate), "Air Force", "active duty", "dependent care", "child care".
   */
  static final java.util.Map<String, java.util.Set<String>> NOT_CODED_NEXT_TO = java.util.Map.of(
      "driven", java.util.Set.of("<data", "<results", "<metrics"),
      "competitive", java.util.Set.of(">salary", ">salaries", ">pay", ">compensation", ">benefits",
          ">wages", ">wage", ">rates", ">base", ">package", ">total", ">benefit"),
      "individuals", java.util.Set.of("<qualified", ">with"),
      "individual", java.util.Set.of("<qualified", ">with"),
      "force", java.util.Set.of("<air", "<work", "<task", "<sales"),
      "active", java.util.Set.of(">duty", ">clearance", ">secret"),
      "dependent", java.util.Set.of(">care", ">upon", ">on"),
      "child", java.util.Set.of(">care"));

  private static final class Node {
    final Node[] next = new Node[27];
    byte exact; // 1 masculine, 2 feminine
    byte prefix;
  }

  /** Every stem has at least this many letters, so a word's first ones say whether it can match. */
  private static final int PREFIX = 3;

  private final Node root = new Node();
  /**
   * One bit per three letters that begin a stem. Few words of an ad begin like a stem: one bit
   * test passes over the rest, where walking the trie meant a few dependent loads per word.
   */
  private final long[] beginnings = new long[(26 * 26 * 26 + 63) / 64];

  public GenderCoder() {
    MASCULINE.forEach(stem -> add(stem, (byte) 1));
    FEMININE.forEach(stem -> add(stem, (byte) 2));
  }

  private void add(String stem, byte kind) {
    boolean prefix = stem.endsWith("*");
    String word = prefix ? stem.substring(0, stem.length() - 1) : stem;
    if (word.length() < PREFIX) {
      throw new IllegalArgumentException("stem shorter than " + PREFIX + " letters: " + stem);
    }
    int bit = beginning(word.toCharArray(), 0);
    beginnings[bit >>> 6] |= 1L << bit;
    Node node = root;
    for (int i = 0; i < word.length(); i++) {
      int c = word.charAt(i) - 'a';
      if (node.next[c] == null) {
        node.next[c] = new Node();
      }
      node = node.next[c];
    }
    if (prefix) {
      node.prefix = kind;
    } else {
      node.exact = kind;
    }
  }

  /** The index of three lower-case letters {@code buf[from, from + 3)}, or -1 for other characters. */
  private static int beginning(char[] buf, int from) {
    int a = buf[from] - 'a';
    int b = buf[from + 1] - 'a';
    int c = buf[from + 2] - 'a';
    if ((a | b | c) < 0 || a >= 26 || b >= 26 || c >= 26) {
      return -1;
    }
    return (a * 26 + b) * 26 + c;
  }

  /** 1 masculine, 2 feminine, 0 neither, for the token {@code buf[from, to)}. */
  int kindOf(char[] buf, int from, int to) {
    if (to - from < PREFIX) {
      return 0;
    }
    int bit = beginning(buf, from);
    if (bit < 0 || (beginnings[bit >>> 6] & (1L << bit)) == 0) {
      return 0;
    }
    Node node = root;
    for (int i = from; i < to; i++) {
      if (node.prefix != 0) {
        return node.prefix;
      }
      int c = buf[i] - 'a';
      if (c < 0 || c >= 26 || (node = node.next[c]) == null) {
        return 0;
      }
    }
    return node.prefix != 0 ? node.prefix : node.exact;
  }

  /** {@link #NOT_CODED} as character arrays, compared with tokens in place. */
  private static final char[][] NOT_CODED_WORDS = chars(NOT_CODED);
  /**
   * The words of {@link #NOT_CODED_NEXT_TO}, and per word its neighbours: the token before ("<"),
   * the token after (">").
   */
  private static final char[][] CONTEXT_WORDS;
  private static final char[][][] NEIGHBOURS_BEFORE;
  private static final char[][][] NEIGHBOURS_AFTER;

  static {
    List<String> words = new ArrayList<>(NOT_CODED_NEXT_TO.keySet());
    CONTEXT_WORDS = chars(words);
    NEIGHBOURS_BEFORE = new char[words.size()][][];
    NEIGHBOURS_AFTER = new char[words.size()][][];
    for (int k = 0; k < words.size(); k++) {
      Set<String> neighbours = NOT_CODED_NEXT_TO.get(words.get(k));
      NEIGHBOURS_BEFORE[k] = chars(neighbours(neighbours, "<"));
      NEIGHBOURS_AFTER[k] = chars(neighbours(neighbours, ">"));
    }
  }

  private static List<String> neighbours(Set<String> marked, String mark) {
    return marked.stream().filter(w -> w.startsWith(mark)).map(w -> w.substring(1)).toList();
  }

  private static char[][] chars(java.util.Collection<String> words) {
    return words.stream().map(String::toCharArray).toArray(char[][]::new);
  }

  /**
   * Whether coded token {@code t} is a known false hit, compared in the token buffer: a string
   * per coded token and two more for its neighbours cost a third of the coding on real ads.
   */
  private static boolean isFalseHit(TokenSpans tokens, int t) {
    char[] buf = tokens.chars();
    if (indexOf(NOT_CODED_WORDS, buf, tokens.start(t), tokens.end(t)) >= 0) {
      return true;
    }
    int k = indexOf(CONTEXT_WORDS, buf, tokens.start(t), tokens.end(t));
    if (k < 0) {
      return false;
    }
    boolean before = t > 0
        && indexOf(NEIGHBOURS_BEFORE[k], buf, tokens.start(t - 1), tokens.end(t - 1)) >= 0;
    return before || t + 1 < tokens.size()
        && indexOf(NEIGHBOURS_AFTER[k], buf, tokens.start(t + 1), tokens.end(t + 1)) >= 0;
  }

  /** The index of the word equal to {@code buf[from, to)} among {@code words}, or -1. */
  private static int indexOf(char[][] words, char[] buf, int from, int to) {
    for (int k = 0; k < words.length; k++) {
      if (Arrays.equals(words[k], 0, words[k].length, buf, from, to)) {
        return k;
      }
    }
    return -1;
  }

  private static boolean same(String word, char[] buf, int from, int to) {
    if (word.length() != to - from) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) != buf[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Adds token {@code buf[from, to)} to {@code words} unless it is there or they are full. */
  private static void addWord(List<String> words, char[] buf, int from, int to) {
    if (words.size() >= MAX_WORDS) {
      return;
    }
    for (String word : words) {
      if (same(word, buf, from, to)) {
        return;
      }
    }
    words.add(new String(buf, from, to - from));
  }

  public GenderCoding code(TokenSpans tokens) {
    int masculine = 0;
    int feminine = 0;
    List<String> mWords = new ArrayList<>();
    List<String> fWords = new ArrayList<>();
    char[] buf = tokens.chars();
    for (int t = 0; t < tokens.size(); t++) {
      int kind = kindOf(buf, tokens.start(t), tokens.end(t));
      if (kind == 0 || isFalseHit(tokens, t)) {
        continue;
      }
      if (kind == 1) {
        masculine++;
        addWord(mWords, buf, tokens.start(t), tokens.end(t));
      } else {
        feminine++;
        addWord(fWords, buf, tokens.start(t), tokens.end(t));
      }
    }
    int total = masculine + feminine;
    double score = total == 0 ? 0 : Math.round((double) (masculine - feminine) / total * 1000) / 1000.0;
    return new GenderCoding(masculine, feminine, score, GenderCoding.label(score, total), mWords,
        fWords);
  }
}
