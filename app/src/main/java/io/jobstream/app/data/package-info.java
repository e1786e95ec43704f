/**
 * The data sets published by others, as jobstream keeps them in its data directory
 * ({@link io.jobstream.model.data.DataDirectory}): {@link io.jobstream.app.data.DataFetcher}
 * downloads the ones with a direct download, never leaving a partial or wrong file where later
 * runs would read it as data, and {@link io.jobstream.app.data.RowCount} says how much a present
 * set holds. {@code jobstream data list} and {@code jobstream data fetch} are built on them.
 */
package io.jobstream.app.data;
