package io.jobstream.http;

/** Answers one request; runs on the server's handler pool within its time limit. */
@FunctionalInterface
public interface Handler {

  /**
   * @throws HttpError for an answer other than success; any other exception is logged and answered
   *     500 {@code internal} without details
   */
  Response handle(Request request) throws Exception;
}
