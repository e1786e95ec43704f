/**
 * The data directory and the data sets published by others that jobstream reads from it. The
 * repository and the jars carry none of them.
 */
package io.jobstream.model.data;
