package io.jobstream.classify.text;

import java.util.List;

/**
 * Phrases of one or more tokens, each with a value, found in {@link TokenSpans} longest match
 * first, left to right. Each trie node holds its children in an open-addressing table keyed by
 * the token's characters; a scan looks tokens up by the hash {@link TokenSpans} keeps for each,
 * in place, and builds no strings. Most tokens of a text begin no phrase: bit tables of the
 * first tokens' hashes and of the first two tokens', small enough to stay in the processor's
 * cache, pass over them without a probe of the trie, and a probe compares the keys' hashes
 * before their characters.
 */
public final class TokenTrie<V> {

  /** Receives each phrase found: the tokens {@code [start, end)} and the phrase's value. */
  @FunctionalInterface
  public interface Sink<V> {
    void found(int start, int end, V value);
  }

  private static final class Node<V> {
    char[][] keys;
    /** Each key's {@link TokenSpans#hash}, compared before the key's characters. */
    int[] keyHashes;
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
        keyHashes = new int[4];
        children = new Node[4];
      }
      int mask = keys.length - 1;
      int h = hash(key, 0, key.length);
      int slot = h & mask;
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
      keyHashes[slot] = h;
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

  private final Node<V> root = new Node<>();
  /** One bit per hash value (mod its size) of the phrases' first tokens: 4 KB. */
  private final long[] firstTokens = new long[512];
  /** First tokens (bits as in {@link #firstTokens}) that are a phrase by themselves. */
  private final long[] firstAlone = new long[512];
  /**
   * One bit per hash of the first two tokens of the longer phrases: many phrases begin with a
   * common word ("data", "model", "machine"), and a second bit test passes over it when the next
   * token goes on with none of them.
   */
  private final long[] firstPairs = new long[1024];

  /** Adds a phrase given as tokens; a phrase already present keeps its first value. */
  public void add(List<String> phrase, V value) {
    if (phrase.isEmpty()) {
      return;
    }
    char[] first = phrase.get(0).toCharArray();
    int firstHash = hash(first, 0, first.length);
    setBit(firstTokens, firstHash);
    if (phrase.size() == 1) {
      setBit(firstAlone, firstHash);
    } else {
      char[] second = phrase.get(1).toCharArray();
      setBit(firstPairs, pairHash(firstHash, hash(second, 0, second.length)));
    }
    Node<V> node = root;
    for (String token : phrase) {
      node = node.child(token.toCharArray(), true);
    }
    if (node.value == null) {
      node.value = value;
    }
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

  public void scan(TokenSpans tokens, Sink<V> sink) {
    int i = 0;
    int n = tokens.size;
    char[] buf = tokens.chars;
    int[] hashes = tokens.hashes;
    while (i < n) {
      int hash = hashes[i];
      if (!hasBit(firstTokens, hash) // the common case: no phrase starts with this token
          || !hasBit(firstAlone, hash) && (i + 1 == n || !hasBit(firstPairs, pairHash(hash, hashes[i + 1])))) {
        i++;
        continue;
      }
      Node<V> node = root;
      int bestEnd = -1;
      V best = null;
      for (int j = i; j < n; j++) {
        node = node.find(buf, tokens.starts[j], tokens.starts[j + 1], hashes[j]);
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
