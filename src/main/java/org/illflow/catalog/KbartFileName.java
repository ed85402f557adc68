package org.illflow.catalog;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KBART file name as the recommended practice writes it: {@code Provider_Package_YYYY-MM-DD.txt} (or with a
 * region/consortium part, {@code TaylorandFrancis_Global_AllTitles_2012-08-30.txt}). The name without its date is
 * the provider's package; providers deliver a new list every month under the next date.
 *
 * @param packageKey the name without the date and extension, compared case-insensitively
 * @param listDate   the date in the name
 */
record KbartFileName(String packageKey, LocalDate listDate) {

    private static final Pattern NAME = Pattern.compile("^(.+_.+)_(\\d{4})-(\\d{2})-(\\d{2})(?:\\.[A-Za-z0-9]+)?$");

    /** The package and date of a file named after the pattern; empty for any other name (imported by name). */
    static Optional<KbartFileName> of(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(fileName.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
            return Optional.of(new KbartFileName(m.group(1).toLowerCase(Locale.ROOT), date));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
