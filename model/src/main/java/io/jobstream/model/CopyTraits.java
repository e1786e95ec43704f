package io.jobstream.model;

import java.time.LocalDate;

/**
 * What the cluster stage compares, beyond the duplicate key, to decide whether two postings are
 * cross-posted copies of one job (see {@code docs/dedup.md}).
 *
 * @param place the posting's place, normalized ({@code city|region|country}, lower case, region as
 *     a code where one is known, country as an ISO 3166-1 alpha-2 code), {@code *} for an ad that
 *     says it is one opening in several places, or empty when the posting names none
 * @param validThrough the last day the source says the posting is open, or null when it does not
 * @param signature the MinHash signature of the description without boilerplate (Base64)
 */
public record CopyTraits(String place, LocalDate validThrough, String signature) {}
