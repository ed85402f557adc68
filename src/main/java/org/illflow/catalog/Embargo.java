package org.illflow.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A KBART {@code embargo_info} value such as {@code P1Y}, {@code R2Y}, {@code R180D}, {@code P6M}
 * or a combination like {@code P1Y;R10Y}.
 *
 * <p>Rules (KBART RP-9-2014 as quoted in STANDARDS §2), for a reference date {@code today}:
 * <ul>
 *   <li>{@code P} ("embargo") hides the most recent period; {@code R} ("moving wall") shows only the
 *       most recent period.</li>
 *   <li>Day units count exactly back from today: {@code R180D} = published on or after
 *       {@code today - 180 days}; {@code P30D} = published on or before {@code today - 30 days}.</li>
 *   <li>Month and year units count whole calendar months/years, the current (partial) one counting
 *       as the first: {@code P1Y} = up to 31 December of last year; {@code R2Y} = from 1 January of
 *       last year; {@code P6M} = up to the end of the month six months before the current one
 *       (the current month and the five before it are hidden).</li>
 *   <li>A combination permits the intersection of its parts, so the accessible range is always a
 *       single date interval, open at either end ({@link #accessibleFrom}, {@link #accessibleUntil}).</li>
 *   <li>A year-granular question ({@link #permitsYear}) is answered "yes" when any day of that year
 *       lies in the accessible interval.</li>
 * </ul>
 * {@code P0D}/{@code P0M}/{@code P0Y} are accepted and hide nothing; {@code R0x} is refused.
 */
public final class Embargo {

    /** No embargo: everything is accessible. */
    public static final Embargo NONE = new Embargo(List.of());

    private static final Pattern PART = Pattern.compile("([PR])(\\d{1,5})([DMY])");

    /** Whether a part hides recent content ({@code P}) or shows only recent content ({@code R}). */
    public enum Kind { P, R }

    /** Unit of an embargo part. */
    public enum Unit { D, M, Y }

    /** One {@code [PR]n[DMY]} element. */
    public record Part(Kind kind, int amount, Unit unit) {
        public Part {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(unit, "unit");
            if (amount < 0 || (kind == Kind.R && amount == 0)) {
                throw new IllegalArgumentException("invalid embargo amount " + amount + " for " + kind);
            }
        }

        @Override
        public String toString() {
            return kind.name() + amount + unit.name();
        }
    }

    private final List<Part> parts;

    private Embargo(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses an {@code embargo_info} value. {@code null} or blank gives {@link #NONE}; letters may
     * be lower case; parts are separated by {@code ;} (blanks around parts are ignored).
     *
     * @throws IllegalArgumentException when the value (quoted in the message) is not valid
     */
    public static Embargo parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        List<Part> parts = new ArrayList<>();
        for (String piece : raw.split(";", -1)) {
            String p = piece.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = PART.matcher(p);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid embargo_info '" + raw
                        + "': expected P or R, a number and D, M or Y (e.g. P1Y, R180D, P1Y;R10Y)");
            }
            int amount = Integer.parseInt(m.group(2));
            Kind kind = Kind.valueOf(m.group(1));
            if (kind == Kind.R && amount == 0) {
                throw new IllegalArgumentException("invalid embargo_info '" + raw
                        + "': R0 would make nothing accessible");
            }
            parts.add(new Part(kind, amount, Unit.valueOf(m.group(3))));
        }
        return parts.isEmpty() ? NONE : new Embargo(parts);
    }

    /** Builds an embargo from parts; an empty list gives {@link #NONE}. */
    public static Embargo of(List<Part> parts) {
        return parts.isEmpty() ? NONE : new Embargo(parts);
    }

    public List<Part> parts() {
        return parts;
    }

    public boolean isNone() {
        return parts.isEmpty();
    }

    /**
     * The first accessible publication date, or empty when there is no lower limit (no {@code R}
     * part). With several {@code R} parts the latest limit wins.
     */
    public Optional<LocalDate> accessibleFrom(LocalDate today) {
        Objects.requireNonNull(today, "today");
        LocalDate from = null;
        for (Part part : parts) {
            if (part.kind() != Kind.R) {
                continue;
            }
            LocalDate limit = switch (part.unit()) {
                case D -> today.minusDays(part.amount());
                case M -> YearMonth.from(today).minusMonths(part.amount() - 1L).atDay(1);
                case Y -> LocalDate.of(today.getYear() - part.amount() + 1, 1, 1);
            };
            if (from == null || limit.isAfter(from)) {
                from = limit;
            }
        }
        return Optional.ofNullable(from);
    }

    /**
     * The last accessible publication date, or empty when there is no upper limit (no {@code P}
     * part: content is accessible up to the present). With several {@code P} parts the earliest
     * limit wins.
     */
    public Optional<LocalDate> accessibleUntil(LocalDate today) {
        Objects.requireNonNull(today, "today");
        LocalDate until = null;
        for (Part part : parts) {
            if (part.kind() != Kind.P || part.amount() == 0) {
                continue;
            }
            LocalDate limit = switch (part.unit()) {
                case D -> today.minusDays(part.amount());
                case M -> YearMonth.from(today).minusMonths(part.amount()).atEndOfMonth();
                case Y -> LocalDate.of(today.getYear() - part.amount(), 12, 31);
            };
            if (until == null || limit.isBefore(until)) {
                until = limit;
            }
        }
        return Optional.ofNullable(until);
    }

    /** Whether content published on {@code publicationDate} is accessible on {@code today}. */
    public boolean permits(LocalDate publicationDate, LocalDate today) {
        Objects.requireNonNull(publicationDate, "publicationDate");
        return permits(publicationDate, publicationDate, today);
    }

    /**
     * Whether any part of the publication period {@code [publicationStart, publicationEnd]} is
     * accessible on {@code today}. {@code publicationEnd} may be {@code null} (open-ended).
     */
    public boolean permits(LocalDate publicationStart, LocalDate publicationEnd, LocalDate today) {
        Objects.requireNonNull(publicationStart, "publicationStart");
        Optional<LocalDate> from = accessibleFrom(today);
        Optional<LocalDate> until = accessibleUntil(today);
        if (from.isPresent() && until.isPresent() && from.get().isAfter(until.get())) {
            return false;
        }
        if (until.isPresent() && publicationStart.isAfter(until.get())) {
            return false;
        }
        return from.isEmpty() || publicationEnd == null || !publicationEnd.isBefore(from.get());
    }

    /** Whether any article published in calendar year {@code year} is accessible on {@code today}. */
    public boolean permitsYear(int year, LocalDate today) {
        return permits(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), today);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embargo other && parts.equals(other.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The canonical {@code embargo_info} form, e.g. {@code P1Y;R10Y}; empty for {@link #NONE}. */
    @Override
    public String toString() {
        return parts.stream().map(Part::toString).collect(Collectors.joining(";"));
    }
}
