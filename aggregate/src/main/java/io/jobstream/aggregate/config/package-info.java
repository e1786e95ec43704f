/**
 * jobstream's own settings: {@link io.jobstream.aggregate.config.JobstreamConfig} declares every
 * {@code jobstream.*} key once (type, default, validator, documentation) as a Kafka
 * {@code ConfigDef}; the reference page {@code docs/configuration.md} is written from it
 * ({@code jobstream config-reference}).
 */
package io.jobstream.aggregate.config;
