package io.jobstream.classify;

import io.jobstream.classify.emphasis.Emphasis;
import io.jobstream.classify.wording.GenderCoding;
import java.util.List;
import java.util.Map;

/**
 * Everything classify says about one posting.
 *
 * @param title the title as given
 * @param classification family, seniority, occupation code, confidence, explanation
 * @param salary normalized pay, or null
 * @param salaryRejected why a pay figure was not kept (e.g. implausible), or null
 * @param skills skill names found in the description, in order of first mention
 * @param skillsByTag how many distinct skills of each tag
 * @param emphasis ML vs software depth (or neither) with the phrases that decided it; null without
 *     a description
 * @param genderCoding gender-coded wording of the description
 */
public record Enrichment(
    String title,
    TitleClassification classification,
    Salary salary,
    String salaryRejected,
    List<String> skills,
    Map<String, Integer> skillsByTag,
    Emphasis emphasis,
    GenderCoding genderCoding) {}
