package io.jobstream.classify.text;

import java.util.List;

/**
 * Phrases of one or more tokens, each with a value, found in {@link TokenSpans} longest match
 * first, left to right. Each trie node holds its children in an open-addressing table keyed by
 * the token's characters; a scan looks tokens up by the hash {@link TokenSpans} keeps for each,
 * in place, and builds no strings.
 */
public final class TokenTrie<V> {

  /** Receives each phrase found: the tokens {@code [start, end)} and the phrase's value. */
  @FunctionalInterface
  public interface Sink<V> {
    void found(int start, int end, V value);
  }

  private static final class Node<V> {
    char[][] keys;
    Node<V>[] children;
    int count;
    V value;

    @SuppressWarnings("unchecked")
    Node<V> child(char[] key, boolean create) {
      if (keys == null) {
        if (!create) {
          return null;
        }
        keys = new char[4][];
        children = new Node[4];
      }
      int mask = keys.length - 1;
      int slot = hash(key, 0, key.length) & mask;
      while (keys[slot] != null) {
        if (java.util.Arrays.equals(keys[slot], key)) {
          return children[slot];
        }
        slot = (slot + 1) & mask;
      }
      if (!create) {
        return null;
      }
      if ((count + 1) * 2 > keys.length) {
        grow();
        return child(key, true);
      }
      keys[slot] = key;
      children[slot] = new Node<>();
      count++;
      return children[slot];
    }

    Node<V> find(char[] buf, int from, int to, int hash) {
      if (keys == null) {
        return null;
      }
      int mask = keys.length - 1;
      int slot = hash & mask;
      int length = to - from;
      while (keys[slot] != null) {
        char[] k = keys[slot];
        if (k.length == length && java.util.Arrays.equals(k, 0, length, buf, from, to)) {
          return children[slot];
        }
        slot = (slot + 1) & mask;
      }
      return null;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
      char[][] oldKeys = keys;
      Node<V>[] oldChildren = children;
      keys = new char[oldKeys.length * 2][];
      children = new Node[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          int slot = hash(oldKeys[i], 0, oldKeys[i].length) & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[i];
          children[slot] = oldChildren[i];
        }
      }
    }
  }

  private static int hash(char[] buf, int from, int to) {
    return TokenSpans.hash(buf, from, to);
  }

  private final Node<V> root = new Node<>();

  /** Adds a phrase given as tokens; a phrase already present keeps its first value. */
  public void add(List<String> phrase, V value) {
    if (phrase.isEmpty()) {
      return;
    }
    Node<V> node = root;
    for (String token : phrase) {
      node = node.child(token.toCharArray(), true);
    }
    if (node.value == null) {
      node.value = value;
    }
  }

  public void scan(TokenSpans tokens, Sink<V> sink) {
    int i = 0;
    int n = tokens.size;
    char[] buf = tokens.chars;
    while (i < n) {
      Node<V> node = root;
      int bestEnd = -1;
      V best = null;
      for (int j = i; j < n; j++) {
        node = node.find(buf, tokens.starts[j], tokens.ends[j], tokens.hashes[j]);
        if (node == null) {
          break;
        }
        if (node.value != null) {
          bestEnd = j + 1;
          best = node.value;
        }
      }
      if (best != null) {
        sink.found(i, bestEnd, best);
        i = bestEnd;
      } else {
        i++;
      }
    }
  }
}
