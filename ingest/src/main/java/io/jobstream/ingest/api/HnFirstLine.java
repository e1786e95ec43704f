package io.jobstream.ingest.api;

import io.jobstream.model.SalaryGiven;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of a Hacker News "Who is hiring?" comment, read by the conventions of the thread
 * ({@code Company | Title | Location | REMOTE | Pay | Full-time}): a pure function of the line.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>URLs are taken out first (the first one is the posting's link), so their slashes and
 *       dashes do not split fields.
 *   <li>The line is split on {@code |}; failing that on a spaced dash ({@code " - "}, en or em
 *       dash); failing that on {@code /}. Fewer than two non-empty fields, or a line longer than
 *       {@value #MAX_LENGTH} characters (prose, not a header), is unparseable.
 *   <li>Each field is classified: pay ({@link PayText#looksLikePay}, or words like salary and
 *       equity); work-mode markers alone (REMOTE, ONSITE, HYBRID, IN-OFFICE, with a parenthesised
 *       region); visa (any field naming a visa); employment type (full-time, part-time, contract,
 *       intern, ...). A field with a place and a marker ({@code SF or REMOTE (US)}) is the location
 *       and sets the work mode.
 *   <li>Of the fields left, the first is the company; the title is the first later field with a
 *       role word (engineer, scientist, developer, data, ...); the location is the first other
 *       field left (or the first field with a place and a work-mode marker).
 *   <li>Remote is true when any field says remote, false when the fields say only on-site or
 *       hybrid, and null when nothing is said.
 * </ol>
 * A line without a company and a title is unparseable: the caller dead-letters it with
 * {@link Result#problem()}.
 */
public final class HnFirstLine {

  /** Longest first line read as a header, in characters; longer ones are prose. */
  static final int MAX_LENGTH = 300;

  private static final Pattern URL = Pattern.compile(
      "\\(?\\b(?:https?://|www\\.)[^\\s|()]+\\)?|\\(?\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|io|ai|co|dev|org|net|app|tech|jobs|example)(?:/[^\\s|()]*)?\\)?(?=\\s|$|\\|)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REMOTE = Pattern.compile("\\bremote\\b|\\bwfh\\b|\\banywhere\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ONSITE = Pattern.compile("\\bon-?site\\b|\\bin[- ]office\\b|\\bin[- ]person\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HYBRID = Pattern.compile("\\bhybrid\\b", Pattern.CASE_INSENSITIVE);
  /** A field that is only work-mode markers, joiners and a parenthesised region. */
  private static final Pattern MODE_ONLY = Pattern.compile(
      "(?:\\s*(?:remote|wfh|on-?site|in[- ]office|in[- ]person|hybrid|only|ok|friendly|first|or|and|/|,|\\+|&|\\([^)]*\\)))+\\s*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VISA = Pattern.compile("\\bvisas?\\b|\\bh-?1b\\b|\\bsponsorship\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern EMPLOYMENT = Pattern.compile(
      "(?:\\s*(?:full[- ]?time|part[- ]?time|ft|pt|contract(?:or)?|contract[- ]to[- ]hire|freelance|permanent|"
          + "intern(?:ship)?s?|temporary|perm|or|and|/|,|&)\\s*)+",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PAY_WORDS = Pattern.compile(
      "\\bsalary\\b|\\bequity\\b|\\bcompensation\\b|\\bcomp\\b|\\bpay\\b|\\bots\\b|\\bstock\\b|\\bbonus\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLE = Pattern.compile(
      "engineer|developer|scientist|researcher|designer|manager|architect|analyst|programmer|\\bsre\\b|devops|"
          + "\\blead\\b|\\bhead of\\b|director|\\bcto\\b|\\bvp\\b|founding|intern|specialist|administrator|"
          + "consultant|technician|recruiter|marketer|writer|\\broles?\\b|positions|\\bstaff\\b|product|"
          + "\\bml\\b|\\bai\\b|data|software|frontend|backend|full[- ]?stack|ios|android|security|hacker|"
          + "accountant|counsel|operations|support|success|sales|marketing|\\bops\\b|editor|nurse",
      Pattern.CASE_INSENSITIVE);

  /**
   * What a first line says.
   *
   * @param remote true when it says remote, false when only on-site or hybrid, null when silent
   * @param visa true when a field names visas (sponsorship offered or not: the field is kept in
   *     {@code visaText})
   * @param problem why the line is unparseable; null when it was read
   */
  public record Result(String company, String title, String location, Boolean remote, boolean hybrid,
      String visaText, String employmentType, SalaryGiven salary, String url, String problem) {

    public boolean parsed() {
      return problem == null;
    }

    static Result failed(String problem) {
      return new Result(null, null, null, null, false, null, null, null, null, problem);
    }
  }

  private HnFirstLine() {
  }

  /** Reads {@code line} (plain text, entities decoded). */
  public static Result parse(String line) {
    if (line == null || line.isBlank()) {
      return Result.failed("the comment has no text");
    }
    String text = line.strip().replaceAll("\\s+", " ");
    if (text.length() > MAX_LENGTH) {
      return Result.failed("first line is " + text.length() + " characters of prose, not a header"
          + " (at most " + MAX_LENGTH + ")");
    }
    String url = null;
    Matcher u = URL.matcher(text);
    StringBuilder rest = new StringBuilder();
    while (u.find()) {
      if (url == null) {
        url = u.group().replaceAll("^\\(|\\)$", "");
      }
      u.appendReplacement(rest, " ");
    }
    u.appendTail(rest);
    List<String> fields = split(rest.toString());
    if (fields.size() < 2) {
      return Result.failed("first line has no fields separated by |, ' - ' or /: '" + text + "'");
    }
    String pay = null;
    String visa = null;
    String employment = null;
    boolean saysRemote = false;
    boolean saysOnsite = false;
    boolean saysHybrid = false;
    List<String> left = new ArrayList<>();
    List<String> placesWithMode = new ArrayList<>();
    for (String f : fields) {
      boolean remote = REMOTE.matcher(f).find();
      boolean onsite = ONSITE.matcher(f).find();
      boolean hybrid = HYBRID.matcher(f).find();
      if (pay == null && (PayText.looksLikePay(f) || PAY_WORDS.matcher(f).find())) {
        pay = f;
      } else if (VISA.matcher(f).find()) {
        visa = f;
      } else if (MODE_ONLY.matcher(f).matches()) {
        saysRemote |= remote;
        saysOnsite |= onsite;
        saysHybrid |= hybrid;
      } else if (employment == null && EMPLOYMENT.matcher(f).matches()) {
        employment = f;
      } else if ((remote || onsite || hybrid) && !left.isEmpty() && !ROLE.matcher(f).find()) {
        saysRemote |= remote;
        saysOnsite |= onsite;
        saysHybrid |= hybrid;
        placesWithMode.add(f);
      } else {
        left.add(f);
      }
    }
    if (left.isEmpty()) {
      return Result.failed("first line names no company: '" + text + "'");
    }
    String company = left.remove(0);
    String title = null;
    for (String f : left) {
      if (ROLE.matcher(f).find()) {
        title = f;
        break;
      }
    }
    if (title == null) {
      return Result.failed("first line names no job title: '" + text + "'");
    }
    left.remove(title);
    String location = !placesWithMode.isEmpty() ? placesWithMode.get(0) : left.isEmpty() ? null : left.get(0);
    Boolean remote = saysRemote ? Boolean.TRUE : saysOnsite || saysHybrid ? Boolean.FALSE : null;
    return new Result(company, title, location, remote, saysHybrid, visa, employment,
        PayText.parse(pay), url, null);
  }

  /** Fields split on the first separator style the line uses, trimmed, empty ones dropped. */
  private static List<String> split(String text) {
    String[] parts;
    if (text.contains("|")) {
      parts = text.split("\\|");
    } else if (text.matches(".*\\s[-–—]\\s.*")) {
      parts = text.split("\\s[-–—]\\s");
    } else {
      parts = text.split("/");
    }
    List<String> fields = new ArrayList<>();
    for (String p : parts) {
      String f = p.strip().replaceAll("^[,;:]+|[,;:]+$", "").strip();
      if (!f.isEmpty() && !f.matches("\\(\\s*\\)")) {
        fields.add(f);
      }
    }
    return fields;
  }
}
