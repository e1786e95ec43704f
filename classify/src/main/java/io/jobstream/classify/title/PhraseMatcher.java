package io.jobstream.classify.title;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known phrases in a token list, longest match first, left to right, with a token trie: one
 * hash lookup per token step and no string building.
 */
final class PhraseMatcher {

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    ConceptMask mask = ConceptMask.EMPTY;
    String phrase;
  }

  /** One phrase found: tokens {@code [start, end)} and the concepts it stands for. */
  record Match(int start, int end, ConceptMask mask, String phrase) {}

  private final Node root = new Node();

  void add(List<String> phraseTokens, ConceptMask mask, String phrase) {
    Node node = root;
    for (String token : phraseTokens) {
      node = node.next.computeIfAbsent(token, t -> new Node());
    }
    node.mask = node.mask.or(mask);
    node.phrase = phrase;
  }

  /** Calls {@code sink} for each phrase found, in order; tokens inside a match are not re-used. */
  void scan(List<String> tokens, java.util.function.Consumer<Match> sink) {
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      Node node = root;
      int bestEnd = -1;
      Node best = null;
      for (int j = i; j < n; j++) {
        node = node.next.get(tokens.get(j));
        if (node == null) {
          break;
        }
        if (!node.mask.isEmpty()) {
          bestEnd = j + 1;
          best = node;
        }
      }
      if (best != null) {
        sink.accept(new Match(i, bestEnd, best.mask, best.phrase));
        i = bestEnd;
      } else {
        i++;
      }
    }
  }
}
