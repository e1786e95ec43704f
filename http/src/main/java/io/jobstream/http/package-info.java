/**
 * The HTTP layer of every jobstream server (query API and live page, metrics and health, the
 * demo's job board): a small blocking HTTP/1.1 server on {@link java.net.ServerSocket}.
 *
 * <p>Why not {@code com.sun.net.httpserver}: it reads request lines and headers on one dispatcher
 * thread without a timeout, so one client sending {@code GET /hea} and nothing more stops every
 * answer of the port, health checks included. Why not an embedded server library (Jetty 12 core
 * was the candidate): its idle timeout restarts with every byte, so a client sending a byte a
 * second is never dropped without extra handlers, and it brings a dozen jars and its own thread
 * and buffer tuning for four read-only GET endpoints per port. What is here gives the limits
 * directly, in a few small classes: an accept thread, one thread per connection (at most
 * {@link io.jobstream.http.HttpLimits#maxConnections()}, the slowest idle or still-reading ones
 * evicted first), a bounded handler pool, a deadline for each phase of a request enforced by a
 * reaper that closes the socket, and size limits answered with 414, 431 and 413.
 */
package io.jobstream.http;
