package io.jobstream.model;

/**
 * One phrase of an ad that weighed in its emphasis verdict, so the verdict can be audited.
 *
 * @param side {@code ml}, {@code software} or {@code neither}: what the phrase is evidence of
 * @param phrase the words of the ad that matched, lower-cased
 * @param weight points it added to its side (all its mentions, after section weights)
 * @param section where in the ad it was: {@code title}, {@code intro}, {@code role},
 *     {@code requirements}, {@code preferred}, {@code company}...
 */
public record EmphasisEvidence(String side, String phrase, double weight, String section) {}
