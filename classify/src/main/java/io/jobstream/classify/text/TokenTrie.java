package io.jobstream.classify.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases of one or more tokens, each with a value, found in a token list longest match first,
 * left to right, one hash lookup per token step.
 */
public final class TokenTrie<V> {

  private static final class Node<V> {
    Map<String, Node<V>> next;
    V value;
  }

  /** Receives each phrase found: the tokens {@code [start, end)} and the phrase's value. */
  @FunctionalInterface
  public interface Sink<V> {
    void found(int start, int end, V value);
  }

  private final Node<V> root = new Node<>();

  /** Adds a phrase; a phrase already present keeps its first value. */
  public void add(List<String> phrase, V value) {
    if (phrase.isEmpty()) {
      return;
    }
    Node<V> node = root;
    for (String token : phrase) {
      if (node.next == null) {
        node.next = new HashMap<>(4);
      }
      node = node.next.computeIfAbsent(token, t -> new Node<>());
    }
    if (node.value == null) {
      node.value = value;
    }
  }

  public void scan(List<String> tokens, Sink<V> sink) {
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      Node<V> node = root;
      int bestEnd = -1;
      V best = null;
      for (int j = i; j < n && node.next != null; j++) {
        node = node.next.get(tokens.get(j));
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
