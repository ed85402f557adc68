package org.illflow.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a report groups by. {@link #param()} is the name in URLs and forms ({@code patron-type}); the SQL reads
 * the canonical request facts that every {@link ReportSource} provides.
 */
public enum Dimension {
    SERVICE("service"),
    YEAR("year"),
    MONTH("month"),
    PATRON_TYPE("patron-type"),
    COLLEGE("college"),
    PATRON("patron"),
    SUPPLIER("supplier"),
    JOURNAL("journal"),
    /** The database a request came from by OpenURL (数据库来源); typed-in requests and history have none. */
    SOURCE("source");

    private final String param;

    Dimension(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static Optional<Dimension> fromParam(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(d -> d.param.equals(wanted)).findFirst();
    }

    /** The group key, over the facts' columns; {@code local} is the submission time in the library's zone. */
    String keySql() {
        return switch (this) {
            case SERVICE -> "service";
            case YEAR -> "extract(year from local_submitted)";
            case MONTH -> "extract(year from local_submitted) * 100 + extract(month from local_submitted)";
            case PATRON_TYPE -> "patron_type";
            case COLLEGE -> "college";
            case PATRON -> "patron";
            case SUPPLIER -> "supplier";
            // one journal = one ISSN; without an ISSN its title
            case JOURNAL -> "coalesce(issn, journal)";
            case SOURCE -> "source_database";
        };
    }

    /** A readable label per group when the key alone is not one (the journal's title beside its ISSN). */
    Optional<String> labelSql() {
        return this == JOURNAL ? Optional.of("max(journal)") : Optional.empty();
    }
}
