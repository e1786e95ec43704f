package io.jobstream.classify.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link TokenPatterns} before its first-token pair filter, kept as the reference the filtered
 * scan is tested against: the same trie, entered at every token whose hash a pattern begins with
 * (or a digit, for a pattern that begins with a number).
 */
final class ReferenceTokenPatterns<V> {

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

  private static final class Node<V> {
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

    /** The child for the token {@code buf[from, to)} whose {@link #hash} is {@code hash}. */
    Node<V> find(char[] buf, int from, int to, int hash) {
      if (keys == null) {
        return null;
      }
      int mask = keys.length - 1;
      int slot = hash & mask;
      int length = to - from;
      while (keys[slot] != null) {
        char[] k = keys[slot];
        if (keyHashes[slot] == hash && k.length == length && same(k, buf, from)) {
          return children[slot];
        }
        slot = (slot + 1) & mask;
      }
      return null;
    }

    /** {@code key} equals {@code buf[from, from + key.length)}; a plain loop beats the library's for short words. */
    private static boolean same(char[] key, char[] buf, int from) {
      for (int i = 0; i < key.length; i++) {
        if (key[i] != buf[from + i]) {
          return false;
        }
      }
      return true;
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

  /** The best match from one start; one per scan, so scans share no state and run in parallel. */
  private static final class Match<V> {
    int start;
    int end;
    V value;
  }

  private final Node<V> root = new Node<>();
  /**
   * One bit per hash value (mod its size) of the first tokens of all patterns. Most tokens of an
   * ad begin no pattern; this 4 KB table, unlike the trie, stays in the processor's cache, so
   * they are passed over without a trip to memory.
   */
  private final long[] firstTokens = new long[512];
  private final java.util.Map<String, Node<V>> setTables = new java.util.HashMap<>();

  /**
   * Adds a pattern (syntax above). Where two patterns expand to the same token sequence, the
   * first one added keeps it.
   *
   * @throws IllegalArgumentException for an empty pattern, one that begins with {@code *}, or one
   *     that expands to more than {@value #MAX_EXPANSIONS} sequences
   */
  public void add(String pattern, V value) {
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
      if (first.equals(NUMBER)) {
        for (char[] word : NUMBER_WORDS) {
          mayBegin(word);
        }
      } else {
        mayBegin(first.toCharArray());
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

  private void mayBegin(char[] token) {
    int bit = hash(token, 0, token.length) & (firstTokens.length * 64 - 1);
    firstTokens[bit >>> 6] |= 1L << bit;
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
    Match<V> match = new Match<>();
    int i = from;
    int filterMask = firstTokens.length * 64 - 1;
    while (i < to) {
      int bit = tokens.hashes[i] & filterMask;
      if ((firstTokens[bit >>> 6] & (1L << bit)) == 0
          && (root.number == null || !isDigit(tokens.chars[tokens.starts[i]]))) {
        i++; // the common case: no pattern starts with this token
        continue;
      }
      match.start = i;
      match.end = -1;
      match.value = null;
      longest(root, tokens, i, to, match);
      if (match.value != null) {
        sink.found(i, match.end, match.value);
        i = match.end;
      } else {
        i++;
      }
    }
  }

  /** Follows every branch that token {@code j} allows from {@code node}, keeping the longest match. */
  private void longest(Node<V> node, TokenSpans tokens, int j, int to, Match<V> match) {
    if (node.value != null && j > match.end) {
      match.end = j;
      match.value = node.value;
    }
    if (j >= to || j > match.start && (tokens.breakBefore(j) & TokenSpans.SENTENCE) != 0) {
      return; // a phrase does not run on into the next sentence or line
    }
    int h = tokens.hashes[j];
    Node<V> exact = node.find(tokens.chars, tokens.starts[j], tokens.starts[j + 1], h);
    if (exact != null) {
      longest(exact, tokens, j + 1, to, match);
    }
    if (node.number != null && isNumber(tokens, j)) {
      longest(node.number, tokens, j + 1, to, match);
    }
    if (node.sets != null) {
      for (int k = 0; k < node.sets.length; k++) {
        if (node.sets[k].find(tokens.chars, tokens.starts[j], tokens.starts[j + 1], h) != null) {
          longest(node.setChildren[k], tokens, j + 1, to, match);
        }
      }
    }
    if (node.any != null) {
      longest(node.any, tokens, j + 1, to, match);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNumber(TokenSpans tokens, int j) {
    if (isDigit(tokens.chars[tokens.starts[j]])) {
      return true;
    }
    int length = tokens.starts[j + 1] - tokens.starts[j];
    if (length < 3 || length > 5) {
      return false;
    }
    for (char[] word : NUMBER_WORDS) {
      if (word.length == length
          && Arrays.equals(word, 0, length, tokens.chars, tokens.starts[j], tokens.starts[j + 1])) {
        return true;
      }
    }
    return false;
  }
}
