/**
 * The catalogue of employers: text files naming job boards ({@code TYPE:TARGET} and the
 * employer), shipped in the jar from the repository's {@code sources/} folder, read by
 * {@code jobstream ingest --catalog NAME} and checked by {@code jobstream sources check}.
 */
package io.jobstream.ingest.catalog;
