package org.illflow.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.illflow.archive.ArchiveEntry;
import org.illflow.archive.DocumentArchive;
import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.citation.Issn;
import org.illflow.patron.PatronType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the request history of the library's previous system from CSV (format in the README) into
 * {@code legacy_request}, where the reports read it. All or nothing: a file with any bad row, wrong columns,
 * another encoding than UTF-8 or a request number already known stores nothing and says where.
 */
@Service
public class LegacyImport {

    /** The columns, in the documented order; a file may order them differently but must have exactly these. */
    public static final List<String> COLUMNS = List.of("request_number", "service", "submitted", "delivered",
            "status", "patron_type", "college", "patron", "supplier", "journal", "issn", "title", "year", "cost",
            "overdue_fee");

    static final Set<String> STATUSES = Set.of("FILLED", "FROM_ARCHIVE", "HELD_LOCALLY", "UNFILLED", "CANCELLED");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A problem, with the line it is on (0: the file as a whole) and a message key with its arguments. */
    public record Problem(int line, String key, List<Object> arguments) {
    }

    public record Result(int imported, List<Problem> problems) {
        public boolean stored() {
            return problems.isEmpty();
        }
    }

    private record Parsed(int line, String number, String service, OffsetDateTime submitted,
            OffsetDateTime delivered, String status, String patronType, String college, String patron,
            String supplier, String journal, String issn, String title, Integer year, BigDecimal cost,
            BigDecimal overdueFee) {
    }

    private final JdbcTemplate jdbc;
    private final ReportRepository reports;
    private final DocumentArchive archive;
    private final Clock clock;

    LegacyImport(JdbcTemplate jdbc, ReportRepository reports, DocumentArchive archive, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.archive = archive;
        this.clock = clock;
    }

    @Transactional
    public Result importCsv(String sourceFile, byte[] content) {
        String text;
        try {
            text = LegacyCsv.decode(content);
        } catch (LegacyCsv.NotUtf8Exception e) {
            return refused(new Problem(e.line, "report.import.error.encoding", List.of()));
        }
        List<LegacyCsv.Record> records = LegacyCsv.parse(text);
        if (records.isEmpty()) {
            return refused(new Problem(0, "report.import.error.empty", List.of()));
        }
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Set<String> missing = new LinkedHashSet<>(COLUMNS);
        header.forEach(missing::remove);
        Set<String> unknown = new LinkedHashSet<>(header);
        COLUMNS.forEach(unknown::remove);
        if (!missing.isEmpty() || !unknown.isEmpty() || header.size() != COLUMNS.size()) {
            return refused(new Problem(records.get(0).line(), "report.import.error.columns",
                    List.of(String.join(", ", missing), String.join(", ", unknown), String.join(",", COLUMNS))));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        List<Problem> problems = new ArrayList<>();
        List<Parsed> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LegacyCsv.Record record : records.subList(1, records.size())) {
            if (record.fields().size() != COLUMNS.size()) {
                problems.add(new Problem(record.line(), "report.import.error.fieldCount",
                        List.of(record.fields().size(), COLUMNS.size())));
                continue;
            }
            Parsed row = parse(record, index, problems);
            if (row == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(row.number(), row.line());
            if (earlier != null) {
                problems.add(new Problem(row.line(), "report.import.error.duplicateInFile", List.of(row.number(), earlier)));
                continue;
            }
            rows.add(row);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            return refused(new Problem(0, "report.import.error.empty", List.of()));
        }
        Set<String> existing = new HashSet<>(reports.existingRequestNumbers(rows.stream().map(Parsed::number).toList()));
        for (Parsed row : rows) {
            if (existing.contains(row.number())) {
                problems.add(new Problem(row.line(), "report.import.error.duplicateExisting", List.of(row.number())));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::line));
            return new Result(0, List.copyOf(problems));
        }
        Timestamp now = Timestamp.from(clock.instant());
        String source = sourceFile.length() > 200 ? sourceFile.substring(0, 200) : sourceFile;
        jdbc.batchUpdate("""
                insert into legacy_request (request_number, service, submitted_at, finished_at, status, patron_type,
                  college, patron, supplier, journal, issn, title, pub_year, cost, overdue_fee, source_file, imported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, row) -> {
            ps.setString(1, row.number());
            ps.setString(2, row.service());
            ps.setObject(3, row.submitted());
            ps.setObject(4, row.delivered());
            ps.setString(5, row.status());
            ps.setString(6, row.patronType());
            ps.setString(7, row.college());
            ps.setString(8, row.patron());
            ps.setString(9, row.supplier());
            ps.setString(10, row.journal());
            ps.setString(11, row.issn());
            ps.setString(12, row.title());
            ps.setObject(13, row.year());
            ps.setBigDecimal(14, row.cost());
            ps.setBigDecimal(15, row.overdueFee());
            ps.setString(16, source);
            ps.setTimestamp(17, now);
        });
        // delivered copies of the old system join the archive's duplicate index (without files), in the same
        // transaction: a failed import leaves neither the history nor the index behind
        for (Parsed row : rows) {
            boolean delivered = "FILLED".equals(row.status()) || "FROM_ARCHIVE".equals(row.status());
            if ("DD".equals(row.service()) && delivered && row.title() != null && !row.title().isBlank()) {
                Citation citation = Citation.builder().genre(CitationGenre.ARTICLE).title(row.title())
                        .journal(row.journal()).issn(row.issn()).year(row.year()).build();
                archive.indexCitation(ArchiveEntry.of(citation, row.supplier(), row.cost(), row.number()),
                        row.delivered() == null ? null : row.delivered().toInstant(), source);
            }
        }
        return new Result(rows.size(), List.of());
    }

    private Parsed parse(LegacyCsv.Record record, Map<String, Integer> index, List<Problem> problems) {
        int line = record.line();
        int before = problems.size();
        java.util.function.Function<String, String> field = name -> {
            String value = record.fields().get(index.get(name)).strip();
            return value.isEmpty() ? null : value;
        };
        String number = text(field.apply("request_number"), 40, "request_number", line, problems);
        if (number == null && problems.size() == before) {
            problems.add(new Problem(line, "report.import.error.required", List.of("request_number")));
        }
        String service = upper(field.apply("service"));
        if (!"DD".equals(service) && !"ILL".equals(service)) {
            problems.add(new Problem(line, "report.import.error.value", List.of("service", String.valueOf(service), "DD, ILL")));
        }
        String status = upper(field.apply("status"));
        if (status == null || !STATUSES.contains(status)) {
            problems.add(new Problem(line, "report.import.error.value",
                    List.of("status", String.valueOf(status), String.join(", ", new java.util.TreeSet<>(STATUSES)))));
        }
        OffsetDateTime submitted = dateTime(field.apply("submitted"), "submitted", line, problems);
        if (submitted == null && field.apply("submitted") == null) {
            problems.add(new Problem(line, "report.import.error.required", List.of("submitted")));
        }
        if (submitted != null && (submitted.toLocalDate().isBefore(ReportQuery.EARLIEST)
                || submitted.toInstant().isAfter(clock.instant()))) {
            problems.add(new Problem(line, "report.import.error.dateRange", List.of("submitted", field.apply("submitted"))));
        }
        OffsetDateTime delivered = dateTime(field.apply("delivered"), "delivered", line, problems);
        if (delivered != null && submitted != null && delivered.isBefore(submitted)) {
            problems.add(new Problem(line, "report.import.error.deliveredBefore", List.of()));
        }
        String patronType = upper(field.apply("patron_type"));
        if (patronType != null && Arrays.stream(PatronType.values()).noneMatch(t -> t.name().equals(patronType))) {
            problems.add(new Problem(line, "report.import.error.value", List.of("patron_type", patronType,
                    String.join(", ", Arrays.stream(PatronType.values()).map(Enum::name).toList()))));
        }
        String issn = null;
        if (field.apply("issn") != null) {
            issn = Issn.tryParse(field.apply("issn")).map(Issn::value).orElse(null);
            if (issn == null) {
                problems.add(new Problem(line, "report.import.error.issn", List.of(field.apply("issn"))));
            }
        }
        Integer year = null;
        if (field.apply("year") != null) {
            try {
                year = Integer.valueOf(field.apply("year"));
                if (year < 1400 || year > 2100) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem(line, "report.import.error.year", List.of(field.apply("year"))));
            }
        }
        BigDecimal cost = money(field.apply("cost"), "cost", line, problems);
        BigDecimal overdueFee = money(field.apply("overdue_fee"), "overdue_fee", line, problems);
        String college = text(field.apply("college"), 100, "college", line, problems);
        String patron = text(field.apply("patron"), 40, "patron", line, problems);
        // a supplier code is at most 20 characters (supplier table, archive index), although the column takes 50
        String supplier = text(field.apply("supplier"), 20, "supplier", line, problems);
        String journal = text(field.apply("journal"), 1000, "journal", line, problems);
        String title = text(field.apply("title"), 1000, "title", line, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Parsed(line, number, service, submitted, delivered, status, patronType, college, patron,
                supplier == null ? null : supplier.toUpperCase(Locale.ROOT), journal, issn, title, year, cost,
                overdueFee);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String text(String value, int max, String column, int line, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(line, "report.import.error.tooLong", List.of(column, max)));
            return null;
        }
        return value;
    }

    /** {@code 2016-03-01} (the start of that day in the library) or {@code 2016-03-01 14:30}. */
    private OffsetDateTime dateTime(String value, String column, int line, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            LocalDateTime local = value.length() <= 10 ? LocalDate.parse(value).atStartOfDay()
                    : LocalDateTime.parse(value, DATE_TIME);
            return local.atZone(clock.getZone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, "report.import.error.date", List.of(column, value)));
            return null;
        }
    }

    private static BigDecimal money(String value, String column, int line, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("99999999")) > 0) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(new Problem(line, "report.import.error.money", List.of(column, value)));
            return null;
        }
    }

    private static Result refused(Problem problem) {
        return new Result(0, List.of(problem));
    }
}
