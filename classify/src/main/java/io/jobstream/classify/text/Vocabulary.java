package io.jobstream.classify.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words of a phrase table, each with a number from 0, looked up by the characters of a token
 * and its {@link TokenSpans#hash}. All words live in one character array and the table is one
 * array of ints, so a lookup reads two cache lines, where a table of word objects cost a trip to
 * memory per word compared.
 */
final class Vocabulary {

  private final char[] pool;
  /**
   * The slots, four ints each, so that a probe reads one cache line: the word's hash, its id (-1
   * for an empty slot), where it starts in {@link #pool}, and its length.
   */
  private final int[] slots;
  private final int mask;
  private final int size;

  private Vocabulary(char[] pool, int[] slots, int size) {
    this.pool = pool;
    this.slots = slots;
    this.mask = slots.length / 4 - 1;
    this.size = size;
  }

  /** Collects words and numbers them in order of first addition. */
  static final class Builder {
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    int add(String word) {
      return ids.computeIfAbsent(word, w -> ids.size());
    }

    int add(char[] word) {
      return add(new String(word));
    }

    Vocabulary build() {
      int total = 0;
      for (String word : ids.keySet()) {
        total += word.length();
      }
      char[] pool = new char[total];
      int count = Integer.highestOneBit(Math.max(4, ids.size() * 4) - 1) << 1; // a quarter full
      int[] slots = new int[count * 4];
      for (int slot = 0; slot < count; slot++) {
        slots[slot * 4 + 1] = -1;
      }
      int at = 0;
      for (Map.Entry<String, Integer> e : ids.entrySet()) {
        char[] word = e.getKey().toCharArray();
        System.arraycopy(word, 0, pool, at, word.length);
        int hash = TokenSpans.hash(word, 0, word.length);
        int slot = hash & (count - 1);
        while (slots[slot * 4 + 1] >= 0) {
          slot = (slot + 1) & (count - 1);
        }
        slots[slot * 4] = hash;
        slots[slot * 4 + 1] = e.getValue();
        slots[slot * 4 + 2] = at;
        slots[slot * 4 + 3] = word.length;
        at += word.length;
      }
      return new Vocabulary(pool, slots, ids.size());
    }
  }

  int size() {
    return size;
  }

  /** The id of the word {@code buf[from, to)} whose hash is {@code hash}, or -1. */
  int id(char[] buf, int from, int to, int hash) {
    int length = to - from;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int at = slot * 4;
      int id = slots[at + 1];
      if (id < 0) {
        return -1;
      }
      if (slots[at] == hash && slots[at + 3] == length && same(pool, slots[at + 2], buf, from, length)) {
        return id;
      }
    }
  }

  private static boolean same(char[] a, int from, char[] b, int bFrom, int length) {
    for (int i = 0; i < length; i++) {
      if (a[from + i] != b[bFrom + i]) {
        return false;
      }
    }
    return true;
  }
}
