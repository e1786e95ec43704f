package io.jobstream.classify.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trie of a {@link TokenPatterns} compiled for scanning. Every word of every pattern is
 * numbered once in one {@link Vocabulary}, so that a token is looked up once per step whatever
 * the node, and each node becomes a row of one int array: a node's word edges are a run of
 * (word, child) pairs sorted by word, the root's a table indexed by word, and a set of
 * alternatives is a bit per word. The walk is the trie's own, branch for branch and in the same
 * order (word, number, sets, any), so it finds exactly the matches the trie finds; it only
 * follows ints through a few arrays instead of some 20,000 node objects and their tables spread
 * over the heap. Alone the two walk as fast; within a whole enrichment, where the other tables
 * compete for the processor's cache, the compact one made enrichment 7-11% faster.
 */
final class PatternAutomaton<V> {

  /** The best match from one start; one per scan, so scans share no state and run in parallel. */
  static final class Match<V> {
    int start;
    int end;
    V value;
  }

  private final Vocabulary words;
  /** Per word: a number word ("five"), matched by {@code #}. */
  private final boolean[] numberWords;
  /** The root's child for each word, -1 for none. */
  private final int[] rootChildren;
  /**
   * The nodes, a row of {@value #ROW} ints each so that a step reads one cache line: the value's
   * index in {@link #values} (-1 for none), the first and past-last of its word edges and of its
   * set edges, and its children for a number ({@code #}) and for any token ({@code *}), -1 for
   * none.
   */
  private final int[] nodes;
  private static final int ROW = 8;
  private static final int VALUE = 0;
  private static final int EDGES = 1;
  private static final int EDGES_END = 2;
  private static final int SETS = 3;
  private static final int SETS_END = 4;
  private static final int NUMBER = 5;
  private static final int ANY = 6;
  private final Object[] values;
  /** Word edges as (word, child) pairs, each node's sorted by word. */
  private final int[] edges;
  /** Set edges as (set, child) pairs, each node's in the trie's order. */
  private final int[] setEdges;
  /** Bit {@code set} of row {@code word} (rows of {@link #setWords} longs): the word is in the set. */
  private final long[] memberships;
  private final int setWords;

  private PatternAutomaton(Builder<V> b) {
    this.words = b.vocabulary.build();
    int nodeCount = b.nodes.size();
    this.numberWords = new boolean[words.size()];
    for (int id : b.numberWordIds) {
      numberWords[id] = true;
    }
    this.nodes = new int[nodeCount * ROW];
    List<Object> values = new ArrayList<>();
    List<int[]> edges = new ArrayList<>();
    List<int[]> setEdges = new ArrayList<>();
    for (int n = 0; n < nodeCount; n++) {
      TokenPatterns.Node<V> node = b.nodes.get(n);
      int row = n * ROW;
      nodes[row + VALUE] = node.value == null ? -1 : values.size();
      if (node.value != null) {
        values.add(node.value);
      }
      nodes[row + ANY] = node.any == null ? -1 : b.ids.get(node.any);
      nodes[row + NUMBER] = node.number == null ? -1 : b.ids.get(node.number);
      List<int[]> own = new ArrayList<>();
      if (node.keys != null) {
        for (int slot = 0; slot < node.keys.length; slot++) {
          if (node.keys[slot] != null) {
            own.add(new int[] {b.vocabulary.add(node.keys[slot]), b.ids.get(node.children[slot])});
          }
        }
      }
      own.sort((x, y) -> Integer.compare(x[0], y[0]));
      nodes[row + EDGES] = edges.size() * 2;
      edges.addAll(own);
      nodes[row + EDGES_END] = edges.size() * 2;
      nodes[row + SETS] = setEdges.size() * 2;
      if (node.sets != null) {
        for (int k = 0; k < node.sets.length; k++) {
          setEdges.add(new int[] {b.setIds.get(node.sets[k]), b.ids.get(node.setChildren[k])});
        }
      }
      nodes[row + SETS_END] = setEdges.size() * 2;
    }
    this.values = values.toArray();
    this.edges = edges.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    this.setEdges = setEdges.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    rootChildren = new int[words.size()];
    Arrays.fill(rootChildren, -1);
    for (int e = nodes[EDGES]; e < nodes[EDGES_END]; e += 2) {
      rootChildren[this.edges[e]] = this.edges[e + 1];
    }
    setWords = (b.sets.size() + 63) / 64;
    memberships = new long[Math.max(1, words.size() * setWords)];
    for (int s = 0; s < b.sets.size(); s++) {
      TokenPatterns.Node<V> members = b.sets.get(s);
      for (char[] key : members.keys) {
        if (key != null) {
          int word = b.vocabulary.add(key);
          memberships[word * setWords + (s >>> 6)] |= 1L << s;
        }
      }
    }
  }

  /** Numbers the nodes (root first), the sets and the words of a trie. */
  private static final class Builder<V> {
    final List<TokenPatterns.Node<V>> nodes = new ArrayList<>();
    final Map<TokenPatterns.Node<V>, Integer> ids = new IdentityHashMap<>();
    final List<TokenPatterns.Node<V>> sets = new ArrayList<>();
    final Map<TokenPatterns.Node<V>, Integer> setIds = new IdentityHashMap<>();
    final Vocabulary.Builder vocabulary = new Vocabulary.Builder();
    final List<Integer> numberWordIds = new ArrayList<>();

    Builder(TokenPatterns.Node<V> root, char[][] numberWords) {
      List<TokenPatterns.Node<V>> stack = new ArrayList<>();
      stack.add(root);
      while (!stack.isEmpty()) {
        TokenPatterns.Node<V> node = stack.remove(stack.size() - 1);
        ids.put(node, nodes.size());
        nodes.add(node);
        if (node.keys != null) {
          for (int slot = 0; slot < node.keys.length; slot++) {
            if (node.keys[slot] != null) {
              vocabulary.add(node.keys[slot]);
              stack.add(node.children[slot]);
            }
          }
        }
        if (node.sets != null) {
          for (int k = 0; k < node.sets.length; k++) {
            if (!setIds.containsKey(node.sets[k])) {
              setIds.put(node.sets[k], sets.size());
              sets.add(node.sets[k]);
              for (char[] key : node.sets[k].keys) {
                if (key != null) {
                  vocabulary.add(key);
                }
              }
            }
            stack.add(node.setChildren[k]);
          }
        }
        if (node.number != null) {
          stack.add(node.number);
        }
        if (node.any != null) {
          stack.add(node.any);
        }
      }
      for (char[] word : numberWords) {
        numberWordIds.add(vocabulary.add(word));
      }
    }
  }

  static <V> PatternAutomaton<V> compile(TokenPatterns.Node<V> root, char[][] numberWords) {
    return new PatternAutomaton<>(new Builder<>(root, numberWords));
  }

  /** Follows every branch that token {@code j} allows from {@code node}, keeping the longest match. */
  @SuppressWarnings("unchecked")
  void longest(int node, TokenSpans tokens, int j, int to, Match<V> match) {
    int row = node * ROW;
    int value = nodes[row + VALUE];
    if (value >= 0 && j > match.end) {
      match.end = j;
      match.value = (V) values[value];
    }
    if (j >= to || j > match.start && (tokens.breaks[j] & TokenSpans.SENTENCE) != 0) {
      return; // a phrase does not run on into the next sentence or line
    }
    int edgesFrom = nodes[row + EDGES];
    int edgesTo = nodes[row + EDGES_END];
    int setsFrom = nodes[row + SETS];
    int setsTo = nodes[row + SETS_END];
    int number = nodes[row + NUMBER];
    int word = -1;
    if (edgesFrom < edgesTo || setsFrom < setsTo || number >= 0) {
      word = words.id(tokens.chars, tokens.starts[j], tokens.starts[j + 1], tokens.hashes[j]);
    }
    if (word >= 0 && edgesFrom < edgesTo) {
      int child = node == 0 ? rootChildren[word] : child(edgesFrom, edgesTo, word);
      if (child >= 0) {
        longest(child, tokens, j + 1, to, match);
      }
    }
    if (number >= 0 && (isDigit(tokens.chars[tokens.starts[j]]) || word >= 0 && numberWords[word])) {
      longest(number, tokens, j + 1, to, match);
    }
    if (word >= 0) {
      for (int k = setsFrom; k < setsTo; k += 2) {
        int set = setEdges[k];
        if ((memberships[word * setWords + (set >>> 6)] & (1L << set)) != 0) {
          longest(setEdges[k + 1], tokens, j + 1, to, match);
        }
      }
    }
    int any = nodes[row + ANY];
    if (any >= 0) {
      longest(any, tokens, j + 1, to, match);
    }
  }

  /** The child of the edge for {@code word} among the pairs {@code [from, to)} of {@link #edges}, or -1. */
  private int child(int from, int to, int word) {
    if (to - from <= 16) {
      for (int e = from; e < to; e += 2) {
        if (edges[e] == word) {
          return edges[e + 1];
        }
      }
      return -1;
    }
    int low = from / 2;
    int high = to / 2 - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int w = edges[mid * 2];
      if (w < word) {
        low = mid + 1;
      } else if (w > word) {
        high = mid - 1;
      } else {
        return edges[mid * 2 + 1];
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
