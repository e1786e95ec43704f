package io.jobstream.report.reference;

/**
 * One occupation's national wage figures in one year of the BLS Occupational Employment and Wage
 * Statistics (OEWS, May reference period).
 *
 * @param year the survey year (figures as of May)
 * @param soc the SOC code the figures are for (e.g. 15-2051)
 * @param title the occupation's title as BLS gives it
 * @param employment employment, persons
 * @param medianAnnual median annual wage, US dollars
 */
public record WageReference(int year, String soc, String title, long employment, double medianAnnual) {}
