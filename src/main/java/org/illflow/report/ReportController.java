package org.illflow.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The statistics pages for staff and admins (the security configuration keeps {@code /staff/**} to them): the
 * dashboard, the free report and the downloads of every table.
 */
@Controller
class ReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The dashboard's charts: id, dimensions, top N. Turnaround is a chart of its own. */
    private static final List<DashboardChart> CHARTS = List.of(
            new DashboardChart("volumes", List.of(Dimension.YEAR, Dimension.SERVICE), null),
            new DashboardChart("suppliers", List.of(Dimension.SUPPLIER), null),
            new DashboardChart("patron-types", List.of(Dimension.PATRON_TYPE), null),
            new DashboardChart("colleges", List.of(Dimension.COLLEGE), null),
            new DashboardChart("journals", List.of(Dimension.JOURNAL), 10));

    private final Reports reports;
    private final ReportTables tables;
    private final ObjectMapper json;

    ReportController(Reports reports, ReportTables tables, ObjectMapper json) {
        this.reports = reports;
        this.tables = tables;
        this.json = json;
    }

    @GetMapping("/staff/reports")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model, Locale locale, HttpServletResponse response) {
        LocalDate[] range;
        try {
            range = range(from, to);
            ReportQuery.checkRange(range[0], range[1]);
        } catch (InvalidReportException e) {
            return refused(e, model, locale, response, "report/dashboard");
        }
        model.addAttribute("from", range[0]);
        model.addAttribute("to", range[1]);
        List<Map<String, Object>> charts = new ArrayList<>();
        for (DashboardChart chart : CHARTS) {
            ReportResult result = chart.id().equals("volumes") ? reports.yearlyVolumes(range[0], range[1])
                    : reports.run(new ReportQuery(chart.dimensions(), range[0], range[1], chart.top()));
            ReportTable table = chart.id().equals("volumes") ? tables.counts(title(chart.id(), locale), result, locale)
                    : tables.table(title(chart.id(), locale), result, locale);
            charts.add(chartModel(chart.id(), table, chartSpec(chart.id(), result, locale),
                    "dims=" + String.join(",", chart.dimensions().stream().map(Dimension::param).toList())
                            + (chart.top() == null ? "" : "&top=" + chart.top())));
        }
        TurnaroundDistribution distribution = reports.turnaround(range[0], range[1]);
        ReportTable turnaround = tables.table(title("turnaround", locale), distribution, locale);
        charts.add(chartModel("turnaround", turnaround, turnaroundSpec(distribution, locale), "report=turnaround"));
        model.addAttribute("charts", charts);
        model.addAttribute("totals", reports.totals(range[0], range[1]));
        return "report/dashboard";
    }

    @GetMapping("/staff/reports/free")
    String free(@RequestParam(required = false) List<String> dims, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer top, Model model,
            Locale locale, HttpServletResponse response) {
        model.addAttribute("dimensions", Dimension.values());
        model.addAttribute("dims", dims == null ? List.of() : dims);
        model.addAttribute("top", top);
        if (dims == null) {
            LocalDate[] range = reports.defaultWindow();
            model.addAttribute("from", range[0]);
            model.addAttribute("to", range[1]);
            return "report/free";
        }
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        LocalDate[] range;
        ReportResult result;
        try {
            range = range(from, to);
            result = reports.run(ReportQuery.of(dims, range[0], range[1], top));
        } catch (InvalidReportException e) {
            return refused(e, model, locale, response, "report/free");
        }
        model.addAttribute("table", tables.table(title("free", locale), result, locale));
        model.addAttribute("exportQuery", "dims=" + String.join(",", dims) + "&from=" + range[0] + "&to=" + range[1]
                + (top == null ? "" : "&top=" + top));
        return "report/free";
    }

    /** Any report as CSV or XLSX: {@code dims} (one or two) or {@code report=turnaround}, with the dates. */
    @GetMapping("/staff/reports/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) List<String> dims,
            @RequestParam(required = false) String report, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer top,
            @RequestParam(defaultValue = "csv") String format, Locale locale) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidReportException("report.error.format");
        }
        LocalDate[] range = range(from, to);
        ReportTable table;
        String name;
        if ("turnaround".equals(report)) {
            table = tables.table(title("turnaround", locale), reports.turnaround(range[0], range[1]), locale);
            name = "turnaround";
        } else {
            List<String> dimensions = dims == null ? List.of() : dims;
            ReportResult result = reports.run(ReportQuery.of(dimensions, range[0], range[1], top));
            table = tables.table(title("free", locale), result, locale);
            name = String.join("-", result.query().dimensions().stream().map(Dimension::param).toList());
        }
        String file = "illflow-" + name + "-" + range[0] + "-" + range[1] + "." + format;
        byte[] body = format.equals("csv") ? ReportExports.csv(table) : ReportExports.xlsx(table);
        return ResponseEntity.ok()
                .contentType(format.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }

    /** Bad parameters: the message, status 400, and nothing ran. */
    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<String> invalid(InvalidReportException e, Locale locale) {
        String message = tables.text(e.messageKey(), locale, e.arguments());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(message);
    }

    private String refused(InvalidReportException e, Model model, Locale locale, HttpServletResponse response,
            String view) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", tables.text(e.messageKey(), locale, e.arguments()));
        return view;
    }

    private LocalDate[] range(String from, String to) {
        LocalDate[] defaults = reports.defaultWindow();
        return new LocalDate[] {date(from, defaults[0]), date(to, defaults[1])};
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidReportException("report.error.date");
        }
    }

    private String title(String id, Locale locale) {
        return tables.text("report.chart." + id, locale);
    }

    private Map<String, Object> chartModel(String id, ReportTable table, Map<String, Object> spec, String query) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", id);
        chart.put("table", table);
        chart.put("query", query);
        try {
            chart.put("spec", json.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return chart;
    }

    /** What reports.js draws: categories on the x axis, bar or line series, a second axis for percentages. */
    private Map<String, Object> chartSpec(String id, ReportResult result, Locale locale) {
        Map<String, Object> spec = new LinkedHashMap<>();
        List<Map<String, Object>> series = new ArrayList<>();
        if (id.equals("volumes")) {
            List<Object> years = new ArrayList<>();
            Map<String, List<Object>> byService = new LinkedHashMap<>();
            byService.put("DD", new ArrayList<>());
            byService.put("ILL", new ArrayList<>());
            for (ReportRow row : result.rows()) {
                String year = row.keys().get(0).toString();
                if (!years.contains(year)) {
                    years.add(year);
                }
                byService.get(row.keys().get(1).toString()).add(row.requests());
            }
            spec.put("categories", years);
            byService.forEach((service, data) -> series.add(series(tables.text("report.service." + service, locale),
                    "bar", 0, data)));
        } else {
            Dimension dimension = result.query().dimensions().get(0);
            List<Object> categories = new ArrayList<>();
            List<Object> requests = new ArrayList<>();
            List<Object> cost = new ArrayList<>();
            List<Object> fillRate = new ArrayList<>();
            for (ReportRow row : result.rows()) {
                categories.add(tables.keyLabel(dimension, row.keys().get(0), row.labels().get(0), locale));
                requests.add(row.requests());
                cost.add(row.libraryCost());
                fillRate.add(row.fillRate());
            }
            spec.put("categories", categories);
            if (id.equals("suppliers")) {
                series.add(series(tables.text("report.measure.libraryCost", locale), "bar", 0, cost));
                series.add(series(tables.text("report.measure.fillRate", locale), "line", 1, fillRate));
            } else {
                series.add(series(tables.text("report.measure.requests", locale), "bar", 0, requests));
            }
        }
        spec.put("series", series);
        return spec;
    }

    private Map<String, Object> turnaroundSpec(TurnaroundDistribution distribution, Locale locale) {
        List<Object> categories = new ArrayList<>();
        List<Object> counts = new ArrayList<>();
        for (int i = 0; i < distribution.counts().length; i++) {
            categories.add(tables.bucketLabel(distribution.bounds(), i, locale));
            counts.add(distribution.counts()[i]);
        }
        return Map.of("categories", categories, "series",
                List.of(series(tables.text("report.measure.filled", locale), "bar", 0, counts)));
    }

    private static Map<String, Object> series(String name, String type, int axis, List<Object> data) {
        return Map.of("name", name, "type", type, "axis", axis, "data", data);
    }

    private record DashboardChart(String id, List<Dimension> dimensions, Integer top) {
    }
}
