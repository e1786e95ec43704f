package io.jobstream.ingest.jsonld;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jobstream.model.JsonSerde;
import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import io.jobstream.model.SalaryGiven;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds schema.org {@code JobPosting} objects in the JSON-LD blocks of an HTML page, or (when the
 * page has none there) in its microdata ({@code itemscope itemtype=".../JobPosting"}), and maps
 * each to a {@link RawPosting}, keeping what the page said.
 *
 * <p>Handles a posting at the top level, arrays of postings, {@code @graph} arrays and
 * {@code @type} lists. A block that is not valid JSON, and a posting without a title, are
 * reported as problems; the rest of the page is still read.
 */
public final class JsonLdExtractor {

  public static final String SOURCE = "jsonld";

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();

  /** Extracts the postings of an already fetched page. */
  public Extraction extract(URI pageUri, String html, Instant fetchedAt) {
    if (isJsonDocument(html)) {
      // a JSON-LD document served as itself (.jsonld, application/ld+json): one block, no page around it
      String json = html.indexOf('\uFEFF') >= 0 ? html.replace("\uFEFF", "") : html; // Jackson reads no BOM
      return fromJsonLd(pageUri, List.of(json), null, fetchedAt);
    }
    // most posting pages carry JSON-LD: read it without building the document; a page without the
    // letters of "json" anywhere can hold none, and skips the scan (microdata and RDFa pages)
    if (JsonLdBlocks.mayHold(html)) {
      JsonLdBlocks scan = JsonLdBlocks.scan(html);
      if (!scan.blocks().isEmpty()) {
        Extraction fast = fromJsonLd(pageUri, scan.blocks(), scan.canonicalHref(), fetchedAt);
        if (!fast.postings().isEmpty()) {
          return fast;
        }
      }
    }
    return fromDocument(pageUri, html, fetchedAt);
  }

  /** True when the text is JSON rather than HTML: its first character, past a BOM and blanks, opens an object or array. */
  static boolean isJsonDocument(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\uFEFF' && !Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** The whole document: JSON-LD, then microdata, then RDFa Lite. */
  Extraction fromDocument(URI pageUri, String html, Instant fetchedAt) {
    Document document = Jsoup.parse(html, pageUri.toString());
    // descriptions are read back as HTML: as written, without pretty-printing's re-indenting
    document.outputSettings().prettyPrint(false);
    DocumentItems items = DocumentItems.of(document);
    Extraction fromJsonLd = fromJsonLd(pageUri, items.blocks(), items.canonicalHref(), fetchedAt);
    if (!fromJsonLd.postings().isEmpty()) {
      return fromJsonLd;
    }
    List<RawPosting> postings = new ArrayList<>();
    List<Extraction.Problem> problems = new ArrayList<>(fromJsonLd.problems());
    // the text of each description read from the document, by the identity of its HTML
    Map<String, String> texts = new java.util.IdentityHashMap<>();
    Page page = new Page(pageUri, fetchedAt, Map.of(), postings, problems, texts);
    // microdata: <div itemscope itemtype="https://schema.org/JobPosting"> ... itemprop="title"
    for (Element item : items.microdata()) {
      collect(microdata(item, texts), page);
    }
    if (postings.isEmpty()) {
      // RDFa Lite: <div vocab="https://schema.org/" typeof="JobPosting"> ... property="title"
      for (Element item : items.rdfa()) {
        collect(rdfa(item, texts), page);
      }
    }
    return new Extraction(postings, problems, fromJsonLd.canonical());
  }

  /** The postings of a page's JSON-LD blocks, with the problems of the blocks and postings. */
  private Extraction fromJsonLd(URI pageUri, List<String> blocks, String canonicalHref, Instant fetchedAt) {
    List<RawPosting> postings = new ArrayList<>();
    List<Extraction.Problem> problems = new ArrayList<>();
    List<JsonNode> roots = new ArrayList<>();
    for (String json : blocks) {
      try {
        roots.add(LENIENT.readTree(json));
      } catch (JsonProcessingException e) {
        problems.add(new Extraction.Problem("bad_jsonld",
            "JSON-LD block is not valid JSON: " + e.getOriginalMessage(), json));
      }
    }
    // nodes named by "@id" anywhere on the page, for references such as {"@id": "#org"}
    Map<String, JsonNode> byId = new HashMap<>();
    roots.forEach(root -> index(root, byId));
    Page page = new Page(pageUri, fetchedAt, byId, postings, problems, Map.of());
    roots.forEach(root -> collect(root, page));
    return new Extraction(postings, problems, canonical(canonicalHref, pageUri));
  }

  /** Separates the names of an itemprop, property, itemtype or typeof attribute; compiled once, not per element. */
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private static final java.util.regex.Pattern REMOTE_WORD =
      java.util.regex.Pattern.compile("(?i)\\bremote\\b");

  private static final java.util.regex.Pattern TRACKING =
      java.util.regex.Pattern.compile("(?i)^(utm_[a-z]+|gclid|fbclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|trk|trackingid)=");

  /** The page's {@code <link rel=canonical>} (its href), else its URL without tracking parameters and fragment. */
  static URI canonical(String href, URI pageUri) {
    if (href != null) {
      try {
        return pageUri.resolve(href.trim());
      } catch (IllegalArgumentException ignored) {
        // an unreadable canonical link: the page's own URL below
      }
    }
    String query = pageUri.getRawQuery();
    String kept = null;
    if (query != null) {
      List<String> parts = new ArrayList<>();
      for (String part : query.split("&")) {
        if (!part.isEmpty() && !TRACKING.matcher(part).find()) {
          parts.add(part);
        }
      }
      kept = parts.isEmpty() ? null : String.join("&", parts);
    }
    String path = pageUri.getRawPath() == null ? "" : pageUri.getRawPath();
    String url = pageUri.getScheme() + "://" + pageUri.getRawAuthority() + path + (kept == null ? "" : "?" + kept);
    // most pages' own URLs have nothing to drop: the page's URI is the one parsing its text again would give
    return url.equals(pageUri.toString()) ? pageUri : URI.create(url);
  }

  /**
   * The posting with the id the page's canonical URL gives it ({@code jsonld:HOST:PATH}), for sites
   * whose identifiers are not unique across their pages.
   */
  public static RawPosting withCanonicalId(RawPosting p, URI canonical) {
    String host = canonical.getHost() == null ? "" : canonical.getHost().toLowerCase(Locale.ROOT);
    String id = SOURCE + ":" + host + ":" + pathOf(canonical.toString());
    return withFingerprint(new RawPosting(p.schemaVersion(), p.source(), p.sourceId(), id, p.url(), p.title(),
        p.company(), p.location(), p.remote(), p.employmentType(), p.datePosted(), p.validThrough(),
        p.description(), p.descriptionHtml(), p.salary(), p.fetchedAt(), null, p.remoteCountries()));
  }

  /**
   * What structured data a page carries, for the dead letter of a page that yields no posting:
   * the {@code @type}s of its JSON-LD, its microdata item types and its RDFa types.
   */
  public static String markupSeen(String html) {
    Document document = Jsoup.parse(html);
    java.util.Set<String> jsonLd = new java.util.TreeSet<>();
    for (Element script : document.select("script[type=application/ld+json]")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"@type\"\\s*:\\s*\"([^\"]+)\"").matcher(script.data());
      while (m.find()) {
        jsonLd.add(m.group(1));
      }
    }
    java.util.Set<String> micro = new java.util.TreeSet<>(document.select("[itemtype]").eachAttr("itemtype"));
    java.util.Set<String> rdfa = new java.util.TreeSet<>(document.select("[typeof]").eachAttr("typeof"));
    return "JSON-LD types " + jsonLd + ", microdata types " + micro + ", RDFa types " + rdfa;
  }

  static boolean isRdfaJobPosting(Element item) {
    for (String t : WHITESPACE.split(item.attr("typeof").trim())) {
      if (t.equals("JobPosting") || t.endsWith("/JobPosting") || t.endsWith(":JobPosting")) {
        return true;
      }
    }
    return false;
  }

  /** An RDFa item as the JSON-LD object it stands for (nested typeof items become objects). */
  private static ObjectNode rdfa(Element item, Map<String, String> texts) {
    ObjectNode node = JsonSerde.MAPPER.createObjectNode();
    String type = WHITESPACE.split(item.attr("typeof").trim())[0];
    node.put("@type", type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1));
    addRdfaProperties(item, node, texts);
    return node;
  }

  private static void addRdfaProperties(Element scope, ObjectNode node, Map<String, String> texts) {
    for (int i = 0; i < scope.childNodeSize(); i++) {
      if (!(scope.childNode(i) instanceof Element child)) {
        continue;
      }
      if (child.hasAttr("property")) {
        JsonNode value = child.hasAttr("typeof") ? rdfa(child, texts) : TextNode.valueOf(
            child.hasAttr("content") ? child.attr("content") : microdataValue(child, "property", texts));
        for (String name : WHITESPACE.split(child.attr("property").trim())) {
          String local = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
          if (!node.has(local)) {
            node.set(local, value);
          }
        }
      }
      if (!child.hasAttr("typeof")) {
        addRdfaProperties(child, node, texts);
      }
    }
  }

  static boolean isJobPostingType(String itemtype) {
    for (String t : WHITESPACE.split(itemtype.trim())) {
      if (t.endsWith("/JobPosting")) {
        return true;
      }
    }
    return false;
  }

  /** A microdata item as the JSON-LD object it stands for (nested items become objects). */
  private static ObjectNode microdata(Element item, Map<String, String> texts) {
    ObjectNode node = JsonSerde.MAPPER.createObjectNode();
    String type = item.attr("itemtype").trim();
    node.put("@type", type.substring(type.lastIndexOf('/') + 1));
    addProperties(item, node, texts);
    return node;
  }

  private static void addProperties(Element scope, ObjectNode node, Map<String, String> texts) {
    // child nodes by index: Element.children() builds a list through a stream on every call
    for (int i = 0; i < scope.childNodeSize(); i++) {
      if (!(scope.childNode(i) instanceof Element child)) {
        continue;
      }
      if (child.hasAttr("itemprop")) {
        JsonNode value = child.hasAttr("itemscope") ? microdata(child, texts)
            : TextNode.valueOf(microdataValue(child, "itemprop", texts));
        for (String name : WHITESPACE.split(child.attr("itemprop").trim())) {
          if (!node.has(name)) {
            node.set(name, value);
          }
        }
      }
      if (!child.hasAttr("itemscope")) {
        addProperties(child, node, texts); // properties below a plain element still belong to this item
      }
    }
  }

  private static String microdataValue(Element e, String propertyAttribute, Map<String, String> texts) {
    return switch (e.tagName()) {
      case "meta" -> e.attr("content");
      case "a", "link", "area" -> e.absUrl("href");
      case "img", "audio", "video", "source" -> e.absUrl("src");
      case "time" -> e.hasAttr("datetime") ? e.attr("datetime") : e.text();
      case "data", "meter" -> e.attr("value");
      default -> e.attr(propertyAttribute).contains("description") ? description(e, texts) : e.text();
    };
  }

  /** A description's HTML; its text, read in the same walk, goes to {@code texts}. */
  private static String description(Element e, Map<String, String> texts) {
    DescriptionMarkup.Read read = DescriptionMarkup.of(e);
    if (read == null) {
      return e.html();
    }
    texts.put(read.html(), read.text());
    return read.html();
  }

  /** One page being read: where it came from, its nodes by {@code @id}, and what it yields. */
  private record Page(URI uri, Instant fetchedAt, Map<String, JsonNode> byId, List<RawPosting> postings,
      List<Extraction.Problem> problems, Map<String, String> texts) {

    /** The text of a description's HTML: known when the walk over the document read it, else read now. */
    String textOf(String html) {
      String known = texts.get(html);
      return known != null ? known : HtmlText.of(html);
    }

    /** The node a bare reference ({"@id": ...} and nothing else but a type) stands for. */
    JsonNode resolve(JsonNode node) {
      if (node == null || !node.isObject() || !node.has("@id")) {
        return node;
      }
      boolean bare = true;
      for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        bare &= name.equals("@id") || name.equals("@type");
      }
      return bare ? byId.getOrDefault(node.get("@id").asText(), node) : node;
    }
  }

  private static void index(JsonNode node, Map<String, JsonNode> byId) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> index(child, byId));
    } else if (node.isObject()) {
      JsonNode id = node.get("@id");
      if (id != null && id.isTextual() && node.size() > 1) {
        byId.putIfAbsent(id.asText(), node);
      }
      node.forEach(child -> index(child, byId));
    }
  }

  private void collect(JsonNode node, Page page) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, page));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("@graph")) {
      collect(node.get("@graph"), page);
    }
    if (isJobPosting(node.get("@type"))) {
      // schema.org's own examples name some postings by "name" alone
      String title = text(node.get("title"));
      if (title == null || title.isBlank()) {
        title = text(node.get("name"));
      }
      if (title == null || title.isBlank()) {
        page.problems().add(new Extraction.Problem("no_title", "JobPosting without a title on " + page.uri(),
            node.toString()));
      } else if (!advertises(node, page)) {
        page.problems().add(new Extraction.Problem("title_only", "JobPosting '" + title.strip() + "' on "
            + page.uri() + " names no employer, description, place, remote work, date or pay", node.toString()));
      } else {
        page.postings().add(toPosting(node, title.strip(), page));
      }
    }
  }

  /** What a JobPosting must say besides its title to be an advertisement of a job. */
  private static final List<String> SUBSTANCE = List.of("description", "jobLocation", "jobLocationType",
      "datePosted", "baseSalary");

  /**
   * True when the posting says something a reader could act on or count besides its title: who
   * hires, what the job is, where, when it was posted or what it pays. A title with nothing of these
   * (schema.org's examples of a single property: a title and its skills, its physical requirements)
   * is not an advertisement, and counting it would add a job no one offered.
   */
  private static boolean advertises(JsonNode node, Page page) {
    if (organization(page.resolve(node.get("hiringOrganization"))) != null) {
      return true;
    }
    for (String field : SUBSTANCE) {
      JsonNode value = node.get(field);
      if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJobPosting(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isJobPosting(t)) {
          return true;
        }
      }
      return false;
    }
    String value = type.asText();
    return value.equals("JobPosting") || value.endsWith("/JobPosting");
  }

  private RawPosting toPosting(JsonNode node, String title, Page page) {
    URI pageUri = page.uri();
    Instant fetchedAt = page.fetchedAt();
    String identifier = identifier(node.get("identifier"));
    String url = text(node.get("url"));
    URI postingUri = url != null ? pageUri.resolve(url) : pageUri;
    String postingUrl = postingUri.toString();
    String host = pageUri.getHost() == null ? "" : pageUri.getHost().toLowerCase(Locale.ROOT);
    String stableId = SOURCE + ":" + host + ":" + (identifier != null ? identifier : pathOf(postingUri));
    String descriptionHtml = text(node.get("description"));
    if (descriptionHtml != null && descriptionHtml.contains("&lt;") && !descriptionHtml.contains("<")) {
      // HTML given entity-encoded (&lt;p&gt;...), as some sites and APIs do: decode before reading its text
      descriptionHtml = Parser.unescapeEntities(descriptionHtml, false);
    }
    String description = descriptionHtml == null ? null : page.textOf(descriptionHtml);
    JsonNode jobLocation = page.resolve(first(node.get("jobLocation")));
    if (jobLocation != null && jobLocation.isTextual() && node.has("addressLocality")) {
      // microdata jobLocation without an item of its own: its address properties land on the posting
      jobLocation = hoistedAddress(node);
    }
    Location location = location(jobLocation);
    RawPosting posting = new RawPosting(
        RawPosting.SCHEMA_VERSION,
        SOURCE,
        identifier,
        stableId,
        postingUrl,
        title,
        organization(page.resolve(node.get("hiringOrganization"))),
        location,
        remote(node, jobLocation, location),
        EmploymentTypes.normalize(joined(node.get("employmentType"))),
        date(node.get("datePosted"), "datePosted", page),
        date(node.get("validThrough"), "validThrough", page),
        description,
        descriptionHtml,
        salary(page.resolve(node.get("baseSalary")), text(node.get("salaryCurrency"))),
        fetchedAt,
        null,
        remoteCountries(node.get("applicantLocationRequirements"), page));
    return withFingerprint(posting);
  }

  /**
   * Returns the posting with its fingerprint: a 128-bit MurmurHash3 over the content fields (title, company,
   * location, dates, description text, pay, ids), so that a re-crawl of an unchanged posting has
   * the same fingerprint whatever the fetch time. The description's HTML is not hashed: its text
   * is, and markup-only edits should not count as changes.
   */
  public static RawPosting withFingerprint(RawPosting p) {
    Murmur3 digest = new Murmur3();
    Object[] fields = {p.schemaVersion(), p.source(), p.sourceId(), p.postingId(), p.url(), p.title(),
        p.company(), p.location(), p.remote(), p.employmentType(), p.datePosted(), p.validThrough(),
        p.description(), p.salary()};
    for (Object field : fields) {
      digest.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    if (p.remoteCountries() != null) {
      // only when present, so that postings without them keep the fingerprints they always had
      digest.update(String.valueOf(p.remoteCountries()).getBytes(StandardCharsets.UTF_8));
    }
    String fingerprint = digest.hex();
    return new RawPosting(p.schemaVersion(), p.source(), p.sourceId(), p.postingId(), p.url(),
        p.title(), p.company(), p.location(), p.remote(), p.employmentType(), p.datePosted(),
        p.validThrough(), p.description(), p.descriptionHtml(), p.salary(), p.fetchedAt(),
        fingerprint, p.remoteCountries());
  }

  private static String pathOf(String url) {
    return pathOf(URI.create(url));
  }

  /** The raw path and query of a URI ({@code /jobs/1?lang=en}), "" for none. */
  private static String pathOf(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String identifier(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      return text(node.get("value"));
    }
    return text(node);
  }

  private static String organization(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isObject() ? text(node.get("name")) : text(node);
  }

  private static JsonNode first(JsonNode node) {
    return node != null && node.isArray() ? node.get(0) : node;
  }

  /** The address properties a microdata posting holds itself (from a jobLocation without itemscope). */
  private static JsonNode hoistedAddress(JsonNode node) {
    ObjectNode address = JsonSerde.MAPPER.createObjectNode();
    for (String field : new String[] {"addressLocality", "addressRegion", "addressCountry", "postalCode", "streetAddress"}) {
      if (node.has(field)) {
        address.set(field, node.get(field));
      }
    }
    return address;
  }

  /**
   * {@code applicantLocationRequirements}: one area or a list of them, each a Country (or other
   * area) object, a reference, or a name. Countries become ISO codes; other areas stay as written.
   */
  private static List<String> remoteCountries(JsonNode node, Page page) {
    if (node == null || node.isNull()) {
      return null;
    }
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (JsonNode area : node.isArray() ? node : List.of(node)) {
      JsonNode resolved = page.resolve(area);
      String name = resolved != null && resolved.isObject() ? text(resolved.get("name")) : text(resolved);
      if (name != null && !name.isBlank()) {
        String code = Countries.toIsoCode(name);
        out.add(code != null ? code : name.trim());
      }
    }
    return out.isEmpty() ? null : List.copyOf(out);
  }

  private static Location location(JsonNode first) {
    if (first == null || first.isNull()) {
      return null;
    }
    JsonNode address = first.has("address") ? first.get("address") : first;
    if (address.isTextual()) {
      return Location.ofText(address.asText());
    }
    String city = tidy(text(address.get("addressLocality")));
    String region = tidy(text(address.get("addressRegion")));
    JsonNode countryNode = address.get("addressCountry");
    String country = tidy(countryNode != null && countryNode.isObject()
        ? text(countryNode.get("name")) : text(countryNode));
    if (city != null && city.indexOf(',') > 0 && region == null && country == null) {
      // the whole place in the locality: "US, OR, Hillsboro" (Workday) or "Munich, Bavaria, Germany"
      String[] parts = city.split("\\s*,\\s*");
      if (parts.length == 3 && parts[0].length() <= 3 && Countries.toIsoCode(parts[0]) != null) {
        country = parts[0];
        region = parts[1];
        city = parts[2];
      } else if ((parts.length == 2 || parts.length == 3) && parts[parts.length - 1].length() >= 3
          && Countries.toIsoCode(parts[parts.length - 1]) != null) {
        // a country's name or alpha-3 code last; two letters there are as often a US state (Boston, MA)
        country = parts[parts.length - 1];
        region = parts.length == 3 ? parts[1] : null;
        city = parts[0];
      }
    }
    String countryCode = Countries.toIsoCode(country);
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {city, region, country}) {
      if (part != null && !part.isBlank()) {
        parts.add(part);
      }
    }
    return new Location(city, region, countryCode, parts.isEmpty() ? null : String.join(", ", parts));
  }

  private static final java.util.regex.Pattern STRAY_SEPARATORS =
      java.util.regex.Pattern.compile("^[\\s,;]+|[\\s,;]+$");

  /** A part of an address without the separators a template left around it (", Mountain View"). */
  private static String tidy(String part) {
    if (part == null) {
      return null;
    }
    String s = STRAY_SEPARATORS.matcher(part).replaceAll("");
    return s.isEmpty() ? null : s;
  }

  private static Boolean remote(JsonNode node, JsonNode jobLocation, Location location) {
    String type = joined(node.get("jobLocationType"));
    if (type != null && type.toUpperCase(Locale.ROOT).contains("TELECOMMUTE")) {
      return Boolean.TRUE;
    }
    // the older form Google still accepts: jobLocation.additionalProperty {"value": "TELECOMMUTE"}
    JsonNode extra = jobLocation == null ? null : jobLocation.get("additionalProperty");
    if (extra != null && extra.toString().toUpperCase(Locale.ROOT).contains("TELECOMMUTE")) {
      return Boolean.TRUE;
    }
    // Workday and others write "Remote" where the city goes
    if (location != null && location.city() != null && REMOTE_WORD.matcher(location.city()).find()) {
      return Boolean.TRUE;
    }
    return node.has("jobLocation") ? Boolean.FALSE : null;
  }

  private static SalaryGiven salary(JsonNode node, String salaryCurrency) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual() || node.isNumber()) {
      // "baseSalary": "100000" with "salaryCurrency": "USD" (schema.org's own example)
      BigDecimal amount = number(node);
      return amount != null && salaryCurrency != null
          ? new SalaryGiven(salaryCurrency, amount, null, null, null, null)
          : new SalaryGiven(salaryCurrency, null, null, null, null, node.asText());
    }
    String currency = text(node.get("currency"));
    if (currency == null) {
      currency = salaryCurrency;
    }
    JsonNode value = node.get("value");
    if (value == null) {
      return new SalaryGiven(currency, null, null, null, null, node.toString());
    }
    if (!value.isObject()) {
      return new SalaryGiven(currency, number(value), null, null, text(node.get("unitText")), null);
    }
    String unit = text(value.get("unitText"));
    if (unit == null) {
      unit = text(node.get("unitText"));
    }
    return new SalaryGiven(currency, number(value.get("value")), number(value.get("minValue")),
        number(value.get("maxValue")), unit, null);
  }

  private static BigDecimal number(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    // "$100,000", "100 000 €": the amount without symbols, spaces and thousands separators
    String s = node.asText().replaceAll("[^0-9.,]", "").replace(",", "").trim();
    try {
      return s.isEmpty() ? null : new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A date as pages give it; one that cannot be read is reported as a problem of the page. */
  private static LocalDate date(JsonNode node, String field, Page page) {
    String text = node != null && node.isNumber() ? node.asText() : text(node);
    if (text == null || text.isBlank()) {
      return null;
    }
    LocalDate day = PageDates.parse(text);
    if (day == null) {
      page.problems().add(new Extraction.Problem("bad_date", field + " '" + text + "' on " + page.uri()
          + " is not a date jobstream reads; the posting is kept without it", text));
    }
    return day;
  }

  private static String joined(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> parts.add(n.asText()));
      return String.join(",", parts);
    }
    return node.asText();
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String s = node.asText();
    return s.isEmpty() ? null : s;
  }

}
