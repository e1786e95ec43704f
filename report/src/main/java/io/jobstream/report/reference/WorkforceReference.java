package io.jobstream.report.reference;

/**
 * Who works in one occupation in one year: the annual averages of the Current Population Survey,
 * table 11 (employed persons by detailed occupation, sex, race and Hispanic ethnicity).
 *
 * @param year the year of the annual averages
 * @param occupation the occupation as CPS names it
 * @param employedThousands employed persons, thousands
 * @param percentWomen women as a percentage of the employed, or null where BLS suppresses it
 */
public record WorkforceReference(int year, String occupation, long employedThousands, Double percentWomen) {}
