package io.jobstream.classify;

/**
 * The outcome of classifying one title.
 *
 * @param family the role family
 * @param seniority the seniority level ({@link Seniority#MID} when the title has no marker)
 * @param rule the id of the rule that decided the family, so a surprising result can be audited
 */
public record TitleClassification(RoleFamily family, Seniority seniority, String rule) {}
