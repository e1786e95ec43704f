package io.jobstream.ingest.jsonld;

import io.jobstream.model.RawPosting;
import java.net.URI;
import java.util.List;

/**
 * What one page yielded: postings, and problems with the page's structured data.
 *
 * @param postings the JobPostings found
 * @param problems one entry per JSON-LD block or posting that could not be read
 * @param canonical the page's canonical URL: its {@code <link rel=canonical>}, else its URL
 *     without tracking parameters ({@code utm_*}, {@code gclid}, ...)
 */
public record Extraction(List<RawPosting> postings, List<Problem> problems, URI canonical) {

  /** A part of a page that could not become a posting. */
  public record Problem(String reason, String detail, String excerpt) {}
}
