package io.jobstream.aggregate;

/** A change in the number of counted postings with one {@link PostingTuple}: +1 or -1. */
record TupleDelta(String tuple, long delta) {}
