package io.jobstream.ingest.api;

import io.jobstream.model.Location;
import io.jobstream.model.RawPosting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A Teamtailor career site's public jobs feed, {@code teamtailor:COMPANY} for
 * {@code https://COMPANY.teamtailor.com/jobs.rss} (a target with a dot is the career site's own
 * host, {@code careers.acme.example}). Each RSS item is a posting: title, link, publication date,
 * description (HTML), {@code remoteStatus} ({@code fully} is remote; {@code none}, {@code hybrid}
 * and {@code temporary} are not) and the Teamtailor locations. The feed has no pay fields.
 *
 * <p>The feed holds the first 100 jobs unless {@code per_page} asks for more; this asks for
 * {@value #PAGE} a page and for the next page only when a page is full, stopping when a page brings
 * no posting not already seen (a site that ignores {@code page} answers the first page again). One
 * request per company in the usual case; the fetcher's pause between requests to one host applies.
 */
final class TeamtailorConnector implements ApiConnector {

  /** Jobs asked for per page. */
  static final int PAGE = 200;

  /** Pages read at most from one site. */
  static final int MAX_PAGES = 20;

  private static final Pattern JOB_ID = Pattern.compile("/jobs/(\\d+)");

  @Override
  public String type() {
    return "teamtailor";
  }

  @Override
  public String defaultBaseUrl() {
    return "https://{company}.teamtailor.com";
  }

  @Override
  public String targetName() {
    return "COMPANY";
  }

  @Override
  public boolean validTarget(String target) {
    return TargetHosts.valid(target);
  }

  @Override
  public String firstUrl(ApiContext context, String company) {
    return page(context, company, 1);
  }

  private String page(ApiContext context, String company, int page) {
    return TargetHosts.base(context, this, company) + "/jobs.rss?per_page=" + PAGE + (page == 1 ? "" : "&page=" + page);
  }

  @Override
  public int read(ApiContext context, String company) throws InterruptedException {
    Instant now = context.now();
    Set<String> seen = new HashSet<>();
    int published = 0;
    for (int page = 1; page <= MAX_PAGES; page++) {
      String url = page(context, company, page);
      Document feed = XmlFeeds.fetch(context, url);
      if (feed == null) {
        return published;
      }
      Element channel = XmlFeeds.child(feed.getDocumentElement(), "channel");
      if (!"rss".equals(feed.getDocumentElement().getLocalName()) || channel == null) {
        context.reject("api_error", "teamtailor feed is not RSS with a <channel>", url, null,
            XmlFeeds.xml(feed.getDocumentElement()));
        return published;
      }
      List<Element> items = XmlFeeds.children(channel, "item");
      boolean news = false;
      for (Element item : items) {
        String id = id(item);
        if (id == null) {
          context.reject("api_error", "teamtailor item without a link or guid", url, null, XmlFeeds.xml(item));
          continue;
        }
        if (!seen.add(id)) {
          continue;
        }
        news = true;
        RawPosting posting;
        try {
          posting = posting(company, id, item, now);
        } catch (RuntimeException e) {
          context.reject("api_error", "cannot map posting: " + e.getMessage(), url, "teamtailor:" + company + ":" + id,
              XmlFeeds.xml(item));
          continue;
        }
        if (context.publish(posting, url, XmlFeeds.rawIfUntitled(posting, item))) {
          published++;
        }
      }
      if (items.size() < PAGE || !news) {
        return published;
      }
    }
    return published;
  }

  /** The job's number in its link ({@code /jobs/4711-data-engineer} is 4711), else the guid or link. */
  static String id(Element item) {
    for (String field : new String[] {"link", "guid"}) {
      String value = XmlFeeds.text(item, field);
      if (value != null) {
        Matcher m = JOB_ID.matcher(value);
        if (m.find()) {
          return m.group(1);
        }
      }
    }
    String guid = XmlFeeds.text(item, "guid");
    return guid != null ? guid : XmlFeeds.text(item, "link");
  }

  static RawPosting posting(String company, String id, Element item, Instant now) {
    List<String> places = new ArrayList<>();
    String city = null;
    for (Element location : XmlFeeds.descendants(item, "location")) {
      String name = XmlFeeds.text(location, "name");
      String c = XmlFeeds.text(location, "city");
      String country = XmlFeeds.text(location, "country");
      city = city == null ? c : city;
      String place = name != null ? name
          : c != null && country != null ? c + ", " + country : c != null ? c : country;
      if (place == null && XmlFeeds.children(location, "name").isEmpty() && location.getTextContent() != null) {
        place = location.getTextContent().trim().isEmpty() ? null : location.getTextContent().trim();
      }
      if (place != null && !places.contains(place)) {
        places.add(place);
      }
    }
    String remoteStatus = XmlFeeds.text(item, "remoteStatus");
    String html = XmlFeeds.text(item, "description");
    return new RawPosting(RawPosting.SCHEMA_VERSION, "teamtailor", id, "teamtailor:" + company + ":" + id,
        XmlFeeds.text(item, "link"), XmlFeeds.text(item, "title"), company,
        places.isEmpty() ? null : new Location(places.size() == 1 ? city : null, null, null, String.join("; ", places)),
        remoteStatus == null ? null : remoteStatus.toLowerCase(Locale.ROOT).equals("fully"), null,
        pubDate(XmlFeeds.text(item, "pubDate")), null, html == null ? null : Jsoup.parse(html).text(), html, null, now,
        null);
  }

  /** An RSS date (RFC 1123), or an ISO date; null when unreadable. */
  static LocalDate pubDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (RuntimeException e) {
      return ApiFields.date(text);
    }
  }
}
