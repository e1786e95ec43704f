package io.jobstream.classify.title;

/** A set of up to 128 concepts as two bit words; immutable. */
record ConceptMask(long low, long high) {

  static final ConceptMask EMPTY = new ConceptMask(0, 0);

  static ConceptMask of(int index) {
    return index < 64 ? new ConceptMask(1L << index, 0) : new ConceptMask(0, 1L << (index - 64));
  }

  ConceptMask or(ConceptMask other) {
    return new ConceptMask(low | other.low, high | other.high);
  }

  boolean containsAll(ConceptMask other) {
    return (low & other.low) == other.low && (high & other.high) == other.high;
  }

  boolean intersects(ConceptMask other) {
    return (low & other.low) != 0 || (high & other.high) != 0;
  }

  boolean isEmpty() {
    return low == 0 && high == 0;
  }
}
