package io.jobstream.classify.pay;

import io.jobstream.classify.text.TokenSpans;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads pay from free text: salary fields, titles and descriptions, in the ways job ads write it:
 * {@code $53K-$91K (Glassdoor est.)}, {@code $17-$24 Per Hour}, {@code £45,000 - £55,000 per
 * annum}, {@code €70.000 - €85.000 brutto jährlich}, {@code CHF 120'000 - 140'000},
 * {@code ₹12,00,000 - ₹18,00,000 per annum}, {@code INR 25 LPA}, {@code 120-150k USD + equity},
 * {@code Up to $200K}, ...
 *
 * <p>No pay is better than wrong pay. An amount counts only with a currency (a symbol or ISO code
 * next to it, or the caller's default currency for short salary fields and amounts with a period);
 * amounts in millions or billions, percentages, {@code 401(k)}, and amounts next to words such as
 * bonus, sign-on, relocation, benefit, insurance, funding, revenue or budget are skipped; a range
 * whose minimum exceeds its maximum is rejected. The period is the nearest period phrase after the
 * amount ({@code /hr}, {@code per year}, {@code monthly}, ...), else an adjective before it
 * ({@code Hourly rate:}), else it is inferred from the size (see {@link PayText#periodInferred()}),
 * else there is no pay. The first amount that passes wins. Thread-safe; no regular expressions on
 * the hot path.
 */
public final class PayTextParser {

  private static final int AFTER_WINDOW = 32;
  private static final int BEFORE_WINDOW = 60;

  /** How far back a pay word makes a small bare amount an hourly rate. */
  private static final int CONTEXT_WINDOW = 300;

  private static final String[][] PERIODS = {
      {"biweekly", "biweek"}, {"bi-weekly", "biweek"}, {"every two weeks", "biweek"},
      {"/hour", "hour"}, {"/ hour", "hour"}, {"/hr", "hour"}, {"/ hr", "hour"}, {"per hour", "hour"},
      {"per hr", "hour"}, {"an hour", "hour"}, {"a hour", "hour"}, {"hourly", "hour"},
      {"pro stunde", "hour"}, {"por hora", "hour"}, {"/h ", "hour"},
      {"/one day", "day"}, {"/ one day", "day"}, {"/day", "day"}, {"/ day", "day"}, {"per day", "day"},
      {"a day", "day"}, {"daily", "day"}, {"pro tag", "day"},
      {"/week", "week"}, {"/ week", "week"}, {"/wk", "week"}, {"per week", "week"}, {"a week", "week"},
      {"weekly", "week"},
      {"/month", "month"}, {"/ month", "month"}, {"/mo", "month"}, {"per month", "month"},
      {"a month", "month"}, {"monthly", "month"}, {"pro monat", "month"}, {"monatlich", "month"},
      {"al mes", "month"}, {"por mes", "month"}, {"par mois", "month"}, {"mensuel", "month"},
      {"/year", "year"}, {"/ year", "year"}, {"/yr", "year"}, {"/ yr", "year"}, {"/annum", "year"},
      {"per year", "year"}, {"a year", "year"}, {"per annum", "year"}, {"p.a.", "year"},
      {"annually", "year"}, {"yearly", "year"}, {"annual", "year"}, {"jährlich", "year"},
      {"jahrlich", "year"}, {"pro jahr", "year"}, {"im jahr", "year"}, {"al año", "year"},
      {"al ano", "year"}, {"por año", "year"}, {"par an", "year"}, {"annuel", "year"}, {"lpa", "year"},
      {"ctc", "year"}};

  private static final String[][] PERIOD_ADJECTIVES = {
      {"hourly", "hour"}, {"daily", "day"}, {"weekly", "week"}, {"biweekly", "biweek"},
      {"monthly", "month"}, {"annual", "year"}, {"annually", "year"}, {"yearly", "year"}};

  /** Words that say an amount is pay; matched at a word start ("earnings" counts as "earn"). */
  private static final String[] PAY_WORDS = {
      "salar", "wage", "compensation", "earn", "income", "hourly", "annual", "starting", "gehalt",
      "sueldo", "salaire", "remuneration", "package"};

  /** Short words that say an amount is pay; matched as whole words ("min", not "minute"). */
  private static final String[] PAY_WHOLE_WORDS = {
      "pay", "rate", "range", "base", "ote", "min", "max", "ctc",
      "compensation & benefits", "compensation and benefits", "salary & benefits",
      "salary and benefits", "pay & benefits", "pay and benefits"};

  private static final String[] NOT_PAY_BEFORE = {
      "bonus", "benefit", "differential", "insurance", "savings", "contribution", "reimburse",
      "relocation", "raised", "funding", "revenue", "budget", "project", "valu", "payments",
      "commission", "company", "fund", "gift", "allowance", "tuition", "referral", "deductible",
      "sales of", "worth"};

  /** Phrases shortly after an amount that make it something other than pay ("a month in tips"). */
  private static final String[] NOT_PAY_SOON_AFTER = {
      "in tips", "in commission", "in bonus", "in revenue", "in sales", "in funding", "of revenue"};

  private static final String[] NOT_PAY_AFTER = {
      "bonus", "sign", "relocation", "reimburse", "life", "stipend", "allowance", "in commission",
      "commission per", "in revenue", "in sales", "in funding", "of funding", "referral", "credit",
      "deductible", "match", "for every", "per referral", "gift"};

  /**
   * The Latin-1 characters that may start an amount: digits, A-Z, {@code $ £ ¥} (and beyond
   * Latin-1 {@code € ₹}). One table load per character of a description, most of which is not pay.
   */
  private static final boolean[] MAY_START = new boolean[256];

  static {
    for (char c = 0; c < 256; c++) {
      MAY_START[c] = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '$' || c == '\u00a3'
          || c == '\u00a5';
    }
  }

  private static final PhraseList PERIOD_LIST = new PhraseList(PERIODS, false);
  private static final PhraseList PERIOD_ADJECTIVE_LIST = new PhraseList(PERIOD_ADJECTIVES, true);
  private static final PhraseList PAY_LIST = PhraseList.of(PAY_WORDS, false);
  private static final PhraseList PAY_WHOLE_LIST = PhraseList.of(PAY_WHOLE_WORDS, true);
  private static final PhraseList NOT_PAY_BEFORE_LIST = PhraseList.of(NOT_PAY_BEFORE, false);
  private static final PhraseList NOT_PAY_SOON_AFTER_LIST = PhraseList.of(NOT_PAY_SOON_AFTER, false);

  /**
   * Finds the pay in {@code text}.
   *
   * @param defaultCurrency ISO code to assume for amounts without one (e.g. from a currency field);
   *     null means amounts must carry their own
   */
  public Optional<PayText> parse(String text, String defaultCurrency) {
    return parse(text, defaultCurrency, null);
  }

  /**
   * Finds the pay in {@code text}, looking only near its digits: the same answer as {@link
   * #parse(String, String)}, which reads every character of a description.
   *
   * <p>Why looking near the numbers finds everything: every amount has digits, and what may stand
   * between an amount's start and its first digit is a currency code of three letters, a symbol of
   * at most three characters and spaces, never a digit; the character before that digit is never
   * a letter or a digit (an amount inside a word or a number is not one), so the digit starts one
   * of the text's {@link TokenSpans#numberStart numbers}, and the amount starts within {@link
   * #reach} of it. An upper-case letter is looked at only when a digit follows within six
   * characters. Between those reaches the scan jumps ahead; within them it goes character by
   * character as {@link #parse(String, String)} does. {@code PayTextNearDigitsTest} checks the two
   * give the same answers.
   *
   * @param tokens the tokens of {@code text} (for where its numbers start); null reads every
   *     character
   */
  public Optional<PayText> parse(String text, String defaultCurrency, TokenSpans tokens) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    int run = 0; // the first number not before i
    int reachedRun = -1;
    int runReach = 0;
    boolean shortField = text.length() <= 40;
    // read with charAt, not from a copy: a description is mostly not pay, and copying it cost
    // more than looking at it
    int n = text.length();
    LowerText lower = null; // made on the first amount: most characters of a description are not
    int i = 0;
    while (i < n) {
      if (tokens != null) {
        while (run < tokens.numberCount() && tokens.numberStart(run) < i) {
          run++;
        }
        if (run == tokens.numberCount()) {
          break; // no number from here on: no amount (digits inside a number or a word start none)
        }
        if (reachedRun != run) {
          runReach = reach(text, tokens.numberStart(run));
          reachedRun = run;
        }
        i = Math.max(i, runReach);
      }
      char c = text.charAt(i);
      // only a digit, a currency symbol or an upper-case letter (ISO code, "CA$", "Rs") can
      // start an amount: skip everything else without looking closer
      if (c < 256 ? !MAY_START[c] : c != '\u20ac' && c != '\u20b9') {
        i++;
        continue;
      }
      if (c >= 'A' && c <= 'Z' && !digitSoon(text, i + 1)) {
        i++; // a code or prefix ("USD 95", "CA$90", "Rs. 500") has its number within a few chars
        continue;
      }
      if (c >= '0' && c <= '9' && defaultCurrency == null && !currencySoon(text, i)) {
        while (i < n && (text.charAt(i) >= '0' && text.charAt(i) <= '9')) {
          i++; // a bare number is pay only with a currency after it ("70.000 €", "150k USD")
        }
        continue;
      }
      Amount first = Amount.read(text, i);
      if (first == null) {
        i++;
        continue;
      }
      if (lower == null) {
        lower = new LowerText(text);
      }
      Amount second = null;
      int connectorEnd = connector(lower, first.end);
      if (connectorEnd > 0) {
        second = Amount.read(text, connectorEnd);
        if (second != null && second.start > connectorEnd + 2) {
          second = null;
        }
      }
      int end = second != null ? second.end : first.end;
      Optional<PayText> pay = evaluate(text, lower, first, second, end, defaultCurrency, shortField);
      if (pay == null) {
        i = end; // consumed, not pay: look further
        continue;
      }
      return pay;
    }
    return Optional.empty();
  }

  /**
   * Decides whether the amount (or range) at hand is pay. Returns null to keep scanning, an empty
   * optional to stop with no pay (an invalid range), or the pay.
   */
  private Optional<PayText> evaluate(String text, LowerText lower, Amount first, Amount second,
      int end, String defaultCurrency, boolean shortField) {
    if (first.notMoney || (second != null && second.notMoney)) {
      return null;
    }
    if (first.large || (second != null && second.large)) {
      return null;
    }
    String currency = first.currency != null ? first.currency
        : second != null && second.currency != null ? second.currency : suffixCurrency(text, end);
    boolean ownCurrency = currency != null;
    if (currency == null) {
      currency = defaultCurrency;
    }
    if (currency == null) {
      return null;
    }
    if (startsWithAny(lower, skipSpacesAndPunct(lower.text(), end), NOT_PAY_AFTER)
        || NOT_PAY_SOON_AFTER_LIST.lastWordStart(lower, end, Math.min(lower.length(), end + AFTER_WINDOW)) >= 0) {
      return null;
    }
    int before = Math.max(0, first.start - BEFORE_WINDOW);
    int payWord = Math.max(PAY_LIST.lastWordStart(lower, before, first.start),
        PAY_WHOLE_LIST.lastWordStart(lower, before, first.start));
    int notPayWord = NOT_PAY_BEFORE_LIST.lastWordStart(lower, before, first.start);
    if (notPayWord >= 0 && wordEnd(lower, notPayWord) > wordEnd(lower, payWord)) {
      return null; // the nearest word before the amount says it is not pay ("bonus", "budget")
    }

    double min = first.value;
    double max = second != null ? second.value : first.value;
    if (second != null && first.multiplier == 1 && second.multiplier > 1 && min < 1000) {
      min *= second.multiplier; // "$50-$55k", "120-150k USD"
    }
    String period = periodAfter(text, lower, end);
    boolean inferred = false;
    if (period == null) {
      period = periodBefore(lower, before, first.start);
    }
    if (first.lpa) {
      period = "year";
    }
    if (period == null) {
      int context = Math.max(0, first.start - CONTEXT_WINDOW);
      boolean payContext = payWord >= 0
          || PAY_LIST.lastWordStart(lower, context, first.start) >= 0
          || PAY_WHOLE_LIST.lastWordStart(lower, context, first.start) >= 0;
      if (max >= 10_000) {
        period = "year";
        inferred = true;
      } else if (max < 300 && max >= 5 && payContext) {
        period = "hour";
        inferred = true;
      } else {
        return null;
      }
    }
    if (!ownCurrency && !shortField && inferred) {
      return null; // a bare number in running text is pay only when a period says so
    }
    if (min <= 0 || max <= 0) {
      return Optional.empty();
    }
    if (min > max) {
      return Optional.empty();
    }
    String bound = second != null ? "range" : boundOf(lower, first.start);
    return Optional.of(new PayText(currency, period, min, max, inferred, bound));
  }

  private static String boundOf(LowerText lower, int start) {
    int from = Math.max(0, start - 14);
    String window = lower.substring(from, start);
    if (window.contains("up to")) {
      return "upTo";
    }
    if (window.contains("from") || window.contains("starting") || window.contains("ab ")) {
      return "from";
    }
    return "single";
  }

  /** End of a range connector after {@code pos} ("-", "to", "and", "bis", ...), or -1. */
  private static int connector(LowerText lower, int pos) {
    int i = skipSpaces(lower.text(), pos);
    if (i >= lower.length()) {
      return -1;
    }
    char c = lower.charAt(i);
    if (c == '-' || c == '\u2013' || c == '\u2014' || c == '~') {
      return skipSpaces(lower.text(), i + 1);
    }
    for (String word : new String[] {"to", "and", "bis", "a", "\u00e0", "y", "et"}) {
      if (lower.startsWith(word, i) && i + word.length() < lower.length()
          && !Character.isLetter(lower.charAt(i + word.length()))) {
        int j = skipSpaces(lower.text(), i + word.length());
        // "to maximum salary of $174,797", "to a maximum of $67,500"
        int limit = Math.min(lower.length(), j + 28);
        String rest = lower.substring(j, limit);
        if (rest.startsWith("max") || rest.startsWith("a max")) {
          int k = j;
          while (k < limit && !isAmountStart(lower.text(), k)) {
            k++;
          }
          return k < limit ? k : -1;
        }
        return j;
      }
    }
    return -1;
  }

  private static boolean isAmountStart(String s, int i) {
    char c = s.charAt(i);
    return Character.isDigit(c) || c == '$' || c == '\u00a3' || c == '\u20ac' || c == '\u20b9'
        || c == '\u00a5';
  }

  private static String periodAfter(String text, LowerText lower, int end) {
    int limit = Math.min(lower.length(), end + AFTER_WINDOW);
    for (int i = end; i < limit; i++) {
      char c = lower.charAt(i);
      if (c >= 128) {
        continue;
      }
      String period = PERIOD_LIST.at(lower, i);
      if (period != null) {
        String phrase = matchedPhrase(lower, i);
        if (wordEnd(lower, i + phrase.length(), phrase) || gluedSentence(text, i + phrase.length())) {
          return period;
        }
      }
    }
    return null;
  }

  /** The period phrase at {@code i} (PERIOD_LIST found one there). */
  private static String matchedPhrase(LowerText lower, int i) {
    for (String[] p : PERIODS) {
      if (lower.startsWith(p[0], i)) {
        return p[0];
      }
    }
    throw new IllegalStateException("no period phrase at " + i);
  }

  private static String periodBefore(LowerText lower, int from, int to) {
    int at = PERIOD_ADJECTIVE_LIST.lastWordStart(lower, from, to);
    return at < 0 ? null : PERIOD_ADJECTIVE_LIST.at(lower, at);
  }

  /**
   * True when a new sentence starts right at {@code at} without a space, as in scraped text
   * ("$23.00/hrBenefits"): a lower-case letter followed by an upper-case one.
   */
  private static boolean gluedSentence(String text, int at) {
    return at > 0 && at < text.length() && Character.isUpperCase(text.charAt(at))
        && Character.isLowerCase(text.charAt(at - 1));
  }

  /** True when a phrase ending at {@code end} is not the start of a longer word. */
  private static boolean wordEnd(LowerText lower, int end, String phrase) {
    if (end >= lower.length()) {
      return true;
    }
    char last = phrase.charAt(phrase.length() - 1);
    return !Character.isLetter(last) || !Character.isLetter(lower.charAt(end));
  }

  private static String suffixCurrency(String text, int end) {
    int i = skipSpaces(text, end);
    return Currencies.codeAt(text, i);
  }

  private static boolean startsWithAny(LowerText lower, int at, String[] words) {
    for (String w : words) {
      if (lower.startsWith(w, at)) {
        return true;
      }
    }
    return false;
  }

  /** End of the word (or phrase of letters, spaces and '&') starting at {@code at}; -1 for -1. */
  private static int wordEnd(LowerText lower, int at) {
    if (at < 0) {
      return -1;
    }
    int i = at;
    while (i < lower.length() && Character.isLetter(lower.charAt(i))) {
      i++;
    }
    // a header such as "compensation & benefits" ends after its last word
    while (i + 2 < lower.length() && (lower.startsWith(" & ", i) || lower.startsWith(" and ", i))) {
      int j = lower.charAt(i + 1) == '&' ? i + 3 : i + 5;
      int k = j;
      while (k < lower.length() && Character.isLetter(lower.charAt(k))) {
        k++;
      }
      if (k == j) {
        break;
      }
      i = k;
    }
    return i;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u00a0')) {
      i++;
    }
    return i;
  }

  private static int skipSpacesAndPunct(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '-' || s.charAt(i) == '\u00a0')) {
      i++;
    }
    return i;
  }

  /** A currency symbol or upper-case ISO code within the next 24 characters. */
  private static boolean currencySoon(String text, int from) {
    int limit = Math.min(text.length(), from + 24);
    for (int j = from; j < limit; j++) {
      char c = text.charAt(j);
      if (c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u20b9' || c == '\u00a5') {
        return true;
      }
      if (c >= 'A' && c <= 'Z' && Currencies.codeAt(text, j) != null) {
        return true;
      }
      if (c >= 'a' && c <= 'z' && Currencies.codeAt(text, j) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The earliest place an amount whose first digit is at {@code digit} can start: back over
   * spaces, a symbol of up to three characters, spaces again and a code of three letters, and at
   * least six characters back (an upper-case letter is looked at when a digit follows within six).
   */
  static int reach(String text, int digit) {
    int j = digit - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0')) {
      j--;
    }
    j -= 3;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\u00a0')) {
      j--;
    }
    j -= 3;
    return Math.max(0, Math.min(j, digit - 6));
  }

  private static boolean digitSoon(String text, int from) {
    int limit = Math.min(text.length(), from + 6);
    for (int j = from; j < limit; j++) {
      char c = text.charAt(j);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** One amount: where it is, its value with any multiplier applied, and its currency if named. */
  static final class Amount {
    int start;
    int end;
    double value;
    double multiplier = 1;
    String currency;
    boolean large;
    boolean notMoney;
    boolean lpa;

    /** Reads an amount whose number or currency symbol starts at {@code i}, or returns null. */
    static Amount read(String s, int i) {
      int n = s.length();
      Amount a = new Amount();
      a.start = i;
      int p = i;
      String prefix = Currencies.symbolAt(s, p);
      if (prefix != null) {
        a.currency = prefix;
        p += Currencies.symbolLength(s, p);
        p = skipSpaces(s, p);
      } else {
        String code = Currencies.codeAt(s, p);
        if (code != null && p + 3 < n) {
          int q = skipSpaces(s, p + 3);
          String symbolAfterCode = Currencies.symbolAt(s, q);
          if (symbolAfterCode != null) {
            q = skipSpaces(s, q + Currencies.symbolLength(s, q));
          }
          if (q < n && Character.isDigit(s.charAt(q)) && (q > p + 3 || symbolAfterCode != null)) {
            a.currency = code;
            p = q;
          }
        }
      }
      if (p >= n || !Character.isDigit(s.charAt(p))) {
        return null;
      }
      if (a.currency == null && p > 0 && (Character.isLetterOrDigit(s.charAt(p - 1)) || s.charAt(p - 1) == '.')) {
        return null; // inside a word or a number such as "GS-13" or "v2.3"
      }
      boolean negative = p > 0 && s.charAt(p - 1) == '-' && (p < 2 || !Character.isDigit(s.charAt(p - 2)));
      int numberStart = p;
      while (p < n) {
        char c = s.charAt(p);
        if (Character.isDigit(c)) {
          p++;
        } else if ((c == ',' || c == '.' || c == '\'' || c == '\u2019') && p + 1 < n
            && Character.isDigit(s.charAt(p + 1))) {
          p++;
        } else {
          break;
        }
      }
      Double value = number(s.substring(numberStart, p));
      if (value == null) {
        return null;
      }
      a.value = negative ? -value : value;
      // multiplier and suffix currency
      int q = p;
      int afterSpace = skipSpaces(s, q);
      if (afterSpace < n && s.charAt(afterSpace) == '+') {
        afterSpace = skipSpaces(s, afterSpace + 1); // "$200+ MM", "$1000+ a month"
      }
      String rest = s.substring(afterSpace, Math.min(n, afterSpace + 9)).toLowerCase(Locale.ROOT);
      if (afterSpace < n && s.charAt(afterSpace) == '%') {
        a.notMoney = true;
      } else if (rest.startsWith("(k)") || rest.startsWith("k)")) {
        a.notMoney = true; // 401(k)
      } else if (startsWord(rest, "k") && (q == afterSpace)) {
        a.multiplier = 1000;
        q = afterSpace + 1;
      } else if (startsWord(rest, "million") || startsWord(rest, "mio") || startsWord(rest, "mm")
          || startsWord(rest, "m") || startsWord(rest, "billion") || startsWord(rest, "bn")
          || startsWord(rest, "b") || startsWord(rest, "crore") || startsWord(rest, "cr")) {
        if (rest.startsWith("cr")) {
          a.multiplier = 10_000_000;
        } else {
          a.large = true;
        }
      } else if (startsWord(rest, "lpa")) {
        a.multiplier = 100_000;
        a.lpa = true;
        q = afterSpace + 3;
      } else if (startsWord(rest, "lakh") || startsWord(rest, "lakhs") || startsWord(rest, "lac")) {
        a.multiplier = 100_000;
        q = afterSpace + (rest.startsWith("lakhs") ? 5 : rest.startsWith("lakh") ? 4 : 3);
      }
      a.value *= a.multiplier;
      if (a.currency != null) {
        // "$70,000USD": the code repeats the symbol's currency; step over it
        int c = skipSpaces(s, q);
        String code = Currencies.codeAt(s, c);
        if (code != null && code.equals(a.currency)) {
          q = c + 3;
        } else if (c < n && Character.isLetter(s.charAt(c)) && q < n && c == q) {
          String glued = s.substring(c, Math.min(n, c + 3)).toUpperCase(Locale.ROOT);
          if (glued.equals(a.currency)) {
            q = c + 3;
          }
        }
      } else {
        int c = skipSpaces(s, q);
        String suffix = Currencies.symbolAt(s, c);
        if (suffix != null) {
          a.currency = suffix;
          q = c + Currencies.symbolLength(s, c);
        } else {
          String code = Currencies.codeAt(s, c);
          if (code != null) {
            a.currency = code;
            q = c + 3;
          }
        }
      }
      a.end = q;
      return a;
    }

    private static boolean startsWord(String rest, String word) {
      return rest.startsWith(word) && (rest.length() == word.length()
          || !Character.isLetter(rest.charAt(word.length())));
    }

    /**
     * Parses digits with separators: the last separator is a decimal point when one or two
     * digits follow it, a grouping mark when three follow; all others are grouping marks
     * (so "70.000" is seventy thousand, "45.50" is forty-five and a half, "12,00,000" is twelve
     * lakh and "1.234,56" is 1234.56).
     */
    static Double number(String raw) {
      int last = -1;
      for (int i = raw.length() - 1; i >= 0; i--) {
        if (!Character.isDigit(raw.charAt(i))) {
          last = i;
          break;
        }
      }
      StringBuilder digits = new StringBuilder(raw.length());
      int decimalAt = -1;
      if (last >= 0) {
        int after = raw.length() - last - 1;
        char sep = raw.charAt(last);
        if ((sep == '.' || sep == ',') && after <= 2) {
          decimalAt = last;
        } else if (after != 3) {
          return null;
        }
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (Character.isDigit(c)) {
          digits.append(c);
        } else if (i == decimalAt) {
          digits.append('.');
        }
      }
      try {
        return Double.parseDouble(digits.toString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
