package io.jobstream.aggregate;

/**
 * A change in the number of counted postings with one {@link PostingTuple}: +1 or -1 for one
 * posting, any whole number in a {@link ChangeBatch} (the net count of the changes combined).
 */
record TupleDelta(String tuple, long delta) {}
