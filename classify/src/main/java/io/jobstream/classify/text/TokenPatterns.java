package io.jobstream.classify.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Short token patterns, each with a value, found in {@link TokenSpans} longest match first, left
 * to right, without overlaps. A pattern is a space-separated list of positions; a position is
 * <ul>
 *   <li>a word, or several alternatives {@code build|develop|design}; an alternative may stand for
 *       several tokens, joined by a character that separates tokens other than a space
 *       ({@code machine-learning} and {@code be_doing} are two tokens each);</li>
 *   <li>a word with endings {@code model(s)}, {@code develop(s|ing|ed)}: the bare word or the word
 *       with one of the endings;</li>
 *   <li>{@code *}: any one token; {@code #}: a number ({@code 5}, {@code 5+}, {@code 10} or a
 *       number word up to ten);</li>
 *   <li>any of these followed by {@code ?}: optional.</li>
 * </ul>
 * Alternatives and optional positions are expanded into plain token sequences when a pattern is
 * added, so scanning is a walk down a trie: no regular expressions and no backtracking beyond the
 * few wildcard branches a pattern names. The trie is compiled for scanning into a
 * {@link PatternAutomaton} of int arrays, small enough to stay in the processor's cache beside
 * the rest of an enrichment. A pattern may not begin with {@code *}. A match does not run past
 * the end of a sentence or line (see {@link TokenSpans#breakBefore}).
 */
public final class TokenPatterns<V> {

  /** Receives each match: the tokens {@code [start, end)} and the pattern's value. */
  @FunctionalInterface
  public interface Sink<V> {
    void found(int start, int end, V value);
  }

  /** More expansions than this from one pattern is a mistake in the pattern, not a need. */
  static final int MAX_EXPANSIONS = 16384;

  private static final String ANY = "*";
  private static final String NUMBER = "#";
  /**
   * From this many one-token alternatives on, a position past the first is matched as a set (one
   * hash probe) instead of being expanded into a branch per word, so that patterns like
   * "verb adjective noun" with dozens of each stay small.
   */
  static final int MIN_SET = 4;
  /** Marks a set position in an expanded sequence; the rest is the set's name (its words). */
  private static final String SET = "\u0000";
  private static final char[][] NUMBER_WORDS = {"one".toCharArray(), "two".toCharArray(),
      "three".toCharArray(), "four".toCharArray(), "five".toCharArray(), "six".toCharArray(),
      "seven".toCharArray(), "eight".toCharArray(), "nine".toCharArray(), "ten".toCharArray()};

  /** A node of the trie as patterns are added; scans walk the {@link PatternAutomaton} compiled from it. */
  static final class Node<V> {
    char[][] keys;
    /** Each key's {@link #hash}, compared before the key's characters. */
    int[] keyHashes;
    Node<V>[] children;
    int count;
    Node<V> any;
    Node<V> number;
    /** Edges for a set of one-token alternatives: the token is a key of {@code sets[k]}. */
    Node<V>[] sets;
    Node<V>[] setChildren;
    String[] setNames;
    V value;

    @SuppressWarnings("unchecked")
    Node<V> set(String name, Node<V> members) {
      int n = sets == null ? 0 : sets.length;
      for (int k = 0; k < n; k++) {
        if (setNames[k].equals(name)) {
          return setChildren[k];
        }
      }
      sets = sets == null ? new Node[1] : Arrays.copyOf(sets, n + 1);
      setChildren = setChildren == null ? new Node[1] : Arrays.copyOf(setChildren, n + 1);
      setNames = setNames == null ? new String[1] : Arrays.copyOf(setNames, n + 1);
      sets[n] = members;
      setNames[n] = name;
      return setChildren[n] = new Node<>();
    }

    @SuppressWarnings("unchecked")
    Node<V> child(char[] key) {
      if (keys == null) {
        keys = new char[4][];
        keyHashes = new int[4];
        children = new Node[4];
      }
      int mask = keys.length - 1;
      int h = hash(key, 0, key.length);
      int slot = h & mask;
      while (keys[slot] != null) {
        if (Arrays.equals(keys[slot], key)) {
          return children[slot];
        }
        slot = (slot + 1) & mask;
      }
      if ((count + 1) * 2 > keys.length) {
        grow();
        return child(key);
      }
      keys[slot] = key;
      keyHashes[slot] = h;
      children[slot] = new Node<>();
      count++;
      return children[slot];
    }

    @SuppressWarnings("unchecked")
    private void grow() {
      char[][] oldKeys = keys;
      int[] oldHashes = keyHashes;
      Node<V>[] oldChildren = children;
      keys = new char[oldKeys.length * 2][];
      keyHashes = new int[oldKeys.length * 2];
      children = new Node[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          int slot = oldHashes[i] & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[i];
          keyHashes[slot] = oldHashes[i];
          children[slot] = oldChildren[i];
        }
      }
    }
  }

  private static int hash(char[] buf, int from, int to) {
    return TokenSpans.hash(buf, from, to);
  }

  private final Node<V> root = new Node<>();
  /**
   * One bit per hash value (mod its size) of the first tokens of all patterns. Most tokens of an
   * ad begin no pattern; this 4 KB table, unlike the trie, stays in the processor's cache, so
   * they are passed over without a trip to memory.
   */
  private final long[] firstTokens = new long[512];
  /**
   * First tokens (bits as in {@link #firstTokens}) that a pattern may follow with anything: a
   * pattern of that one token, or one whose second position is {@code *} or {@code #}.
   */
  private final long[] firstAlone = new long[512];
  /**
   * One bit per hash of the first two tokens of the other patterns (each word of a set in the
   * second position makes a pair). Most tokens that begin a pattern ("data", "with", "our") are
   * not followed by its second word: a second bit test passes over them before a walk of the trie.
   */
  private final long[] firstPairs = new long[2048];
  private final java.util.Map<String, Node<V>> setTables = new java.util.HashMap<>();
  /** The trie compiled for scanning, on the first scan after patterns were added. */
  private volatile PatternAutomaton<V> automaton;

  /**
   * Adds a pattern (syntax above). Where two patterns expand to the same token sequence, the
   * first one added keeps it.
   *
   * @throws IllegalArgumentException for an empty pattern, one that begins with {@code *}, or one
   *     that expands to more than {@value #MAX_EXPANSIONS} sequences
   */
  public void add(String pattern, V value) {
    automaton = null;
    List<List<String>> sequences = new ArrayList<>();
    sequences.add(new ArrayList<>());
    String[] positions = pattern.trim().split("\\s+");
    for (int p = 0; p < positions.length; p++) {
      List<List<String>> choices = choices(positions[p], p > 0);
      List<List<String>> next = new ArrayList<>();
      for (List<String> sequence : sequences) {
        for (List<String> choice : choices) {
          List<String> longer = new ArrayList<>(sequence);
          longer.addAll(choice);
          next.add(longer);
        }
      }
      if (next.size() > MAX_EXPANSIONS) {
        throw new IllegalArgumentException("pattern expands to too many phrases: " + pattern);
      }
      sequences = next;
    }
    for (List<String> sequence : sequences) {
      if (sequence.isEmpty() || sequence.get(0).equals(ANY)) {
        throw new IllegalArgumentException("pattern is empty or begins with *: " + pattern);
      }
      String first = sequence.get(0);
      String second = sequence.size() > 1 ? sequence.get(1) : null;
      boolean alone = second == null || second.equals(ANY) || second.equals(NUMBER);
      if (first.equals(NUMBER)) {
        for (char[] word : NUMBER_WORDS) {
          mayBegin(word, null); // a number word may be followed by anything: a digit may
        }
      } else if (!alone && second.startsWith(SET)) {
        // a pair per word of the set: a common word that begins such patterns ("in", "team") is
        // mostly followed by none of the set's words, and was walked each time when it counted
        // as followed by anything
        for (String word : second.substring(1).split("\\|")) {
          mayBegin(first.toCharArray(), word.toCharArray());
        }
      } else {
        mayBegin(first.toCharArray(), alone ? null : second.toCharArray());
        if (first.startsWith(SET)) {
          // an optional first position before a set ("key? responsibilities|duties|..."): the
          // set's words may begin a match. The first-token table keeps only the set's name, as
          // it always has, so these words are walked only when another pattern begins with them
          for (String word : first.substring(1).split("\\|")) {
            setBit(firstAlone, aloneBit(hash(word.toCharArray(), 0, word.length())));
          }
        }
      }
      Node<V> node = root;
      for (String token : sequence) {
        if (token.equals(ANY)) {
          node = node.any == null ? (node.any = new Node<>()) : node.any;
        } else if (token.equals(NUMBER)) {
          node = node.number == null ? (node.number = new Node<>()) : node.number;
        } else if (token.startsWith(SET)) {
          node = node.set(token, setTable(token));
        } else {
          node = node.child(token.toCharArray());
        }
      }
      if (node.value == null) {
        node.value = value;
      }
    }
  }

  /**
   * The token sequences one position stands for (an optional position includes the empty one);
   * with {@code sets}, its one-token alternatives become one set element when there are enough.
   */
  private static List<List<String>> choices(String position, boolean sets) {
    boolean optional = position.endsWith("?") && position.length() > 1;
    String body = optional ? position.substring(0, position.length() - 1) : position;
    List<List<String>> out = new ArrayList<>();
    if (optional) {
      out.add(List.of());
    }
    if (body.equals(ANY) || body.equals(NUMBER)) {
      out.add(List.of(body));
      return out;
    }
    for (String alternative : alternatives(body)) {
      int open = alternative.indexOf('(');
      if (open > 0 && alternative.endsWith(")")) {
        String stem = alternative.substring(0, open);
        out.add(Tokens.of(stem));
        for (String ending : alternative.substring(open + 1, alternative.length() - 1).split("\\|")) {
          out.add(Tokens.of(stem + ending));
        }
        continue;
      }
      List<String> tokens = Tokens.of(alternative);
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("empty alternative in " + position);
      }
      out.add(tokens);
    }
    if (sets) {
      List<String> single = new ArrayList<>();
      for (List<String> choice : out) {
        if (choice.size() == 1 && !choice.get(0).equals(ANY) && !choice.get(0).equals(NUMBER)
            && !single.contains(choice.get(0))) {
          single.add(choice.get(0));
        }
      }
      if (single.size() >= MIN_SET) {
        List<List<String>> grouped = new ArrayList<>();
        for (List<String> choice : out) {
          if (choice.size() != 1 || !single.contains(choice.get(0))) {
            grouped.add(choice);
          }
        }
        List<String> sorted = new ArrayList<>(single);
        java.util.Collections.sort(sorted);
        grouped.add(List.of(SET + String.join("|", sorted)));
        return grouped;
      }
    }
    return out;
  }

  /**
   * The table of a set's words, one per set however many nodes have an edge for it: the sets of a
   * pattern like "verb adjective noun" recur under every verb, and one shared table stays in cache.
   */
  private Node<V> setTable(String name) {
    return setTables.computeIfAbsent(name, n -> {
      Node<V> members = new Node<>();
      for (String word : n.substring(1).split("\\|")) {
        members.child(word.toCharArray());
      }
      return members;
    });
  }

  /** Notes that a pattern begins with {@code token}, then {@code next} (null: anything may follow). */
  private void mayBegin(char[] token, char[] next) {
    int hash = hash(token, 0, token.length);
    setBit(firstTokens, hash);
    if (next == null) {
      setBit(firstAlone, aloneBit(hash));
    } else {
      setBit(firstPairs, pairHash(hash, hash(next, 0, next.length)));
    }
  }

  /**
   * The bit of {@link #firstAlone} for a token's hash: other bits of the hash than those of {@link
   * #firstTokens}, so that a token that shares its bit there with some first token does not
   * therefore share it with a first token that may stand alone ("in" and "are" did, and were
   * walked at every mention).
   */
  private static int aloneBit(int hash) {
    return hash >>> 15;
  }

  private static int pairHash(int first, int second) {
    int h = (first * 31 + second) * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static void setBit(long[] bits, int hash) {
    int bit = hash & (bits.length * 64 - 1);
    bits[bit >>> 6] |= 1L << bit;
  }

  private static boolean hasBit(long[] bits, int hash) {
    int bit = hash & (bits.length * 64 - 1);
    return (bits[bit >>> 6] & (1L << bit)) != 0;
  }

  /**
   * False when no pattern can match from token {@code i}: no pattern begins with it, or none that
   * begins with it goes on with the next token (in the same sentence, before {@code to}). The
   * tables are of hashes, so a true may be wrong, a false never is.
   */
  private boolean mayMatchAt(TokenSpans tokens, int i, int to) {
    if (root.number != null && isDigit(tokens.chars[tokens.starts[i]])) {
      return true;
    }
    int hash = tokens.hashes[i];
    if (!hasBit(firstTokens, hash)) {
      return false; // the common case: no pattern starts with this token
    }
    if (hasBit(firstAlone, aloneBit(hash))) {
      return true;
    }
    return i + 1 < to && (tokens.breaks[i + 1] & TokenSpans.SENTENCE) == 0
        && hasBit(firstPairs, pairHash(hash, tokens.hashes[i + 1]));
  }

  /** Splits {@code a|b(s|ing)|c} at the bars outside parentheses. */
  private static List<String> alternatives(String body) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        out.add(body.substring(from, i));
        from = i + 1;
      }
    }
    out.add(body.substring(from));
    return out;
  }

  /** Scans all tokens. */
  public void scan(TokenSpans tokens, Sink<V> sink) {
    scan(tokens, 0, tokens.size, sink);
  }

  /** Scans tokens {@code [from, to)}; matches do not reach past {@code to}. */
  public void scan(TokenSpans tokens, int from, int to, Sink<V> sink) {
    PatternAutomaton<V> compiled = automaton;
    if (compiled == null) {
      // an equal automaton whichever thread compiles it; its fields are final
      automaton = compiled = PatternAutomaton.compile(root, NUMBER_WORDS);
    }
    PatternAutomaton.Match<V> match = new PatternAutomaton.Match<>();
    int i = from;
    while (i < to) {
      if (!mayMatchAt(tokens, i, to)) {
        i++;
        continue;
      }
      match.start = i;
      match.end = -1;
      match.value = null;
      compiled.longest(0, tokens, i, to, match);
      if (match.value != null) {
        sink.found(i, match.end, match.value);
        i = match.end;
      } else {
        i++;
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
