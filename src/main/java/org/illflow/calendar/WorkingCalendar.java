package org.illflow.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.annotation.PostConstruct;

import org.illflow.system.TextEncoding;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's working days: Monday to Friday, except the holidays admins enter, plus the weekend days that
 * become working days (调休). Chinese public holidays and 调休 change every year, so they are data
 * ({@code working_calendar_day}), read from the database on every computation so every node of a cluster agrees.
 * Supplier turnaround, staff task deadlines and reminders count working days here; loan due dates and pickup
 * deadlines never fall on a closed day.
 */
@Service
@Transactional(readOnly = true)
public class WorkingCalendar {

    /** The instance Spring made, for {@code supplier.WorkingDays}' static entry point (see there). */
    private static volatile WorkingCalendar current;

    private final CalendarDayRepository days;
    private final Clock clock;

    /** Monday to Friday and nothing else: the rule outside a running application (plain unit tests). */
    private static final WorkingCalendar WEEKDAYS_ONLY = new WorkingCalendar(null, Clock.systemDefaultZone());

    WorkingCalendar(CalendarDayRepository days, Clock clock) {
        this.days = days;
        this.clock = clock;
    }

    @PostConstruct
    void register() {
        current = this;
    }

    /** The calendar of the running application, or null outside one (plain unit tests): then weekends only. */
    public static WorkingCalendar current() {
        return current;
    }

    /** The running application's calendar, or outside one the weekdays-only rule (no holidays, no 调休). */
    public static WorkingCalendar currentOrWeekdays() {
        WorkingCalendar calendar = current;
        return calendar != null ? calendar : WEEKDAYS_ONLY;
    }

    /** Whether the library works on this day. */
    public boolean isOpen(LocalDate day) {
        return open(day, exceptions(day, day));
    }

    /** The day itself when the library works on it, else the next working day. */
    public LocalDate nextOpenDay(LocalDate day) {
        return nextOpenDay(day, false);
    }

    /**
     * The day itself when a service is open on it, else the next day it is. A holiday is always closed; with
     * {@code weekendsOpen} (a circulation desk that lends on Saturdays and Sundays) other weekend days are open,
     * otherwise only the weekend days worked instead (调休) are.
     */
    public LocalDate nextOpenDay(LocalDate day, boolean weekendsOpen) {
        LocalDate horizon = day.plusDays(60);
        Map<LocalDate, CalendarDay.Kind> exceptions = exceptions(day, horizon);
        LocalDate at = day;
        while (!(weekendsOpen ? exceptions.get(at) != CalendarDay.Kind.HOLIDAY : open(at, exceptions))) {
            at = at.plusDays(1);
            if (at.isAfter(horizon)) {
                horizon = at.plusDays(60);
                exceptions.putAll(exceptions(at, horizon));
            }
        }
        return at;
    }

    /**
     * {@code workingDays} working days after {@code start}, at the same time of day in {@code zone}: the first day
     * counted is the day after the start. Turnaround targets and task deadlines are counted this way.
     */
    public Instant after(Instant start, int workingDays, ZoneId zone) {
        return shift(start, workingDays, 1, zone);
    }

    /** {@code workingDays} working days before {@code end}, at the same time of day (follow-up dates). */
    public Instant before(Instant end, int workingDays, ZoneId zone) {
        return shift(end, workingDays, -1, zone);
    }

    /** Whole working days after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public int between(Instant from, Instant to, ZoneId zone) {
        ZonedDateTime at = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        if (!end.isAfter(at)) {
            return 0;
        }
        Map<LocalDate, CalendarDay.Kind> exceptions = exceptions(at.toLocalDate(), end.toLocalDate());
        int days = 0;
        while (!(at = at.plusDays(1)).isAfter(end)) {
            if (open(at.toLocalDate(), exceptions)) {
                days++;
            }
        }
        return days;
    }

    private Instant shift(Instant start, int workingDays, int direction, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone);
        LocalDate from = at.toLocalDate();
        long reach = workingDays * 2L + 60;
        LocalDate horizon = from.plusDays(direction * reach);
        Map<LocalDate, CalendarDay.Kind> exceptions = direction > 0 ? exceptions(from, horizon)
                : exceptions(horizon, from);
        int left = workingDays;
        while (left > 0) {
            at = at.plusDays(direction);
            LocalDate day = at.toLocalDate();
            if (direction > 0 ? day.isAfter(horizon) : day.isBefore(horizon)) {
                LocalDate next = horizon.plusDays(direction * 366L);
                exceptions.putAll(direction > 0 ? exceptions(day, next) : exceptions(next, day));
                horizon = next;
            }
            if (open(day, exceptions)) {
                left--;
            }
        }
        return at.toInstant();
    }

    /** The usual rule with no calendar: Monday to Friday. */
    public static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static boolean open(LocalDate day, Map<LocalDate, CalendarDay.Kind> exceptions) {
        CalendarDay.Kind kind = exceptions.get(day);
        return kind == null ? weekday(day) : kind == CalendarDay.Kind.WORKDAY;
    }

    private Map<LocalDate, CalendarDay.Kind> exceptions(LocalDate from, LocalDate to) {
        Map<LocalDate, CalendarDay.Kind> exceptions = new HashMap<>();
        if (days == null) {
            return exceptions;
        }
        days.findByDayBetweenOrderByDay(from, to).forEach(d -> exceptions.put(d.getDay(), d.getKind()));
        return exceptions;
    }

    // ------------------------------------------------------------------ editing (admin page and import)

    /** The entries of a year, in date order. */
    public List<CalendarDay> year(int year) {
        return days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Sets one day (a new entry or a change). */
    @Transactional
    public void set(LocalDate day, CalendarDay.Kind kind, String name) {
        String cleaned = cleanName(name);
        days.findById(day).ifPresentOrElse(d -> d.change(kind, cleaned, clock.instant()),
                () -> days.save(new CalendarDay(day, kind, cleaned, clock.instant())));
    }

    /** Removes an entry: the day follows the usual week again. */
    @Transactional
    public void remove(LocalDate day) {
        days.deleteById(day);
    }

    /** A problem of an import file, with its line (0: the file as a whole), as a message key and arguments. */
    public record Problem(int line, String key, List<Object> arguments) {
    }

    /** What an import did: the years it replaced and how many entries it stored, or the problems (then nothing). */
    public record ImportResult(List<Integer> years, int stored, List<Problem> problems, String encoding) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Imports a CSV of {@code date,type[,name]} lines (a header line and {@code #} comments are optional; UTF-8 or
     * GB18030): type HOLIDAY
     * (or 休 / 假 / 放假) or WORKDAY (or 班 / 上班 / 调休). The file replaces the entries of every year it
     * contains. All or nothing: any bad line stores nothing and is named.
     */
    @Transactional
    public ImportResult importCsv(byte[] content) {
        TextEncoding.Decoded decoded;
        try {
            decoded = TextEncoding.decodeUtf8OrGb18030(content);
        } catch (TextEncoding.UnreadableException e) {
            return new ImportResult(List.of(), 0, List.of(new Problem(e.line(), "calendar.import.encoding",
                    List.of())), null);
        }
        String[] lines = decoded.text().split("\r\n|\r|\n", -1);
        Map<LocalDate, CalendarDay> parsed = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).matches("date\\s*[,，\t;].*")) {
                continue;
            }
            String[] fields = line.split("[,，\t;]", 3);
            if (fields.length < 2) {
                problems.add(new Problem(lineNumber, "calendar.import.fields", List.of(line)));
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(fields[0].strip().replace('/', '-'));
            } catch (DateTimeParseException e) {
                problems.add(new Problem(lineNumber, "calendar.import.date", List.of(fields[0].strip())));
                continue;
            }
            CalendarDay.Kind kind = kindOf(fields[1].strip());
            if (kind == null) {
                problems.add(new Problem(lineNumber, "calendar.import.type", List.of(fields[1].strip())));
                continue;
            }
            if (parsed.containsKey(day)) {
                problems.add(new Problem(lineNumber, "calendar.import.twice", List.of(day.toString())));
                continue;
            }
            String name = fields.length > 2 ? fields[2] : null;
            if (name != null && name.strip().length() > 100) {
                problems.add(new Problem(lineNumber, "calendar.import.name", List.of(100)));
                continue;
            }
            parsed.put(day, new CalendarDay(day, kind, cleanName(name), now));
        }
        if (parsed.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "calendar.import.empty", List.of()));
        }
        if (!problems.isEmpty()) {
            return new ImportResult(List.of(), 0, problems, decoded.encoding());
        }
        TreeSet<Integer> years = new TreeSet<>();
        parsed.keySet().forEach(d -> years.add(d.getYear()));
        for (int year : years) {
            days.deleteAllInBatch(year(year));
        }
        days.flush();
        days.saveAll(parsed.values());
        return new ImportResult(List.copyOf(years), parsed.size(), List.of(), decoded.encoding());
    }

    static CalendarDay.Kind kindOf(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "HOLIDAY", "休", "假", "放假", "节假日" -> CalendarDay.Kind.HOLIDAY;
            case "WORKDAY", "班", "上班", "调休", "补班" -> CalendarDay.Kind.WORKDAY;
            default -> null;
        };
    }

    private static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
            stripped = stripped.substring(1, stripped.length() - 1).strip();
        }
        return stripped.isEmpty() ? null : stripped.substring(0, Math.min(100, stripped.length()));
    }
}
