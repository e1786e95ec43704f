package io.jobstream.model;

import java.time.LocalDate;

/**
 * The pay gap between two role families in one window and slice: the value of
 * {@code jobs.salary.divergence}. The topic and this layout are part of the contract; the streams
 * app does not produce it yet (see the README's status list).
 */
public record SalaryDivergence(
    int schemaVersion,
    String a,
    String b,
    String window,
    LocalDate windowStart,
    LocalDate windowEnd,
    String seniority,
    String country,
    long nA,
    long nB,
    Double medianA,
    Double medianB,
    Double gap,
    Double ratio,
    Double ciLow,
    Double ciHigh,
    Double pValue,
    boolean significant,
    String method) {

  public static final int SCHEMA_VERSION = 1;
}
