package io.jobstream.aggregate.dedup;

import java.util.List;
import java.util.Set;

/**
 * A company's name as copies of its ads share it: accents, case, punctuation and spacing ignored,
 * a leading "The" and trailing legal forms ({@code Inc.}, {@code LLC}, {@code Ltd}, {@code GmbH},
 * {@code Corp}...) dropped, dotted initials joined ({@code L.L.C.}, {@code I.B.M.}).
 * {@code "The Acme Group, Inc."} and {@code "ACME Group"} are both {@code "acmegroup"}.
 */
public final class CompanyName {

  /** Legal forms (as joined words) that copies add or leave out; only dropped at the end of a name. */
  private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "llc", "ltd", "limited", "gmbh",
      "corp", "corporation", "co", "plc", "ag", "sa", "se", "sas", "sarl", "bv", "nv", "pty", "llp", "lp", "oy",
      "ab", "kg", "spa", "srl", "pte", "pvt", "mbh", "ug", "company");

  private CompanyName() {}

  /** The normalized name (letters and digits only); empty for a name of nothing but a legal form. */
  public static String normalize(String company) {
    List<String> words = Text.joinInitials(Text.words(company));
    int from = 0;
    int to = words.size();
    if (to - from > 1 && words.get(0).equals("the")) {
      from++;
    }
    // a trailing legal form, repeatedly ("Acme Co., Ltd."), but never the whole name
    while (to - from > 1 && LEGAL_FORMS.contains(words.get(to - 1))) {
      to--;
    }
    return String.join("", words.subList(from, to));
  }
}
