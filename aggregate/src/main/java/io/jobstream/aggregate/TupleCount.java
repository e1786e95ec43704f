package io.jobstream.aggregate;

/** The new number of current postings with one {@link PostingTuple}, on its way to the window task. */
record TupleCount(String tuple, long count) {}
