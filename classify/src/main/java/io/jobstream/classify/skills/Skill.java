package io.jobstream.classify.skills;

/**
 * A skill of the dictionary.
 *
 * @param name display name, e.g. {@code PyTorch}
 * @param tag one of {@code ml}, {@code software}, {@code data}, {@code analytics},
 *     {@code statistics}
 */
public record Skill(String name, String tag) {}
