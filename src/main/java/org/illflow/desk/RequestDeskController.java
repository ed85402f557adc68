package org.illflow.desk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.illflow.report.ReportExports;
import org.illflow.report.ReportTable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/** The request desk pages for staff and admins (/staff/** is theirs; patrons get 403 from the security rules). */
@Controller
class RequestDeskController {

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
    /** Every status of either lifecycle, for the search form. */
    public static final List<String> STATUSES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(org.illflow.delivery.DeliveryStatus.values()).map(Enum::name),
            java.util.Arrays.stream(org.illflow.loan.LoanStatus.values()).map(Enum::name)).distinct().toList();

    private final RequestDesk desk;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final org.illflow.conversation.RequestMessages conversations;
    private final org.illflow.iso18626.Iso18626MessageLog partnerMessages;

    RequestDeskController(RequestDesk desk, MessageSource messages, java.time.Clock clock,
            org.illflow.conversation.RequestMessages conversations,
            org.illflow.iso18626.Iso18626MessageLog partnerMessages) {
        this.partnerMessages = partnerMessages;
        this.conversations = conversations;
        this.desk = desk;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/staff/requests")
    String list(@RequestParam java.util.Map<String, String> params, Model model, HttpServletResponse response) {
        model.addAttribute("params", params);
        model.addAttribute("views", DeskQuery.View.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("tasklistTask", TASKLIST_TASK);
        try {
            DeskQuery query = query(params);
            model.addAttribute("query", query);
            model.addAttribute("result", desk.search(query));
            model.addAttribute("pageLink", link(params, null));
            model.addAttribute("csvLink", link(params, "/staff/requests.csv"));
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
        }
        return "desk/requests";
    }

    @GetMapping("/staff/requests.csv")
    ResponseEntity<byte[]> csv(@RequestParam java.util.Map<String, String> params, Locale locale) {
        DeskQuery query;
        try {
            query = query(params);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        List<String> headers = List.of("number", "service", "status", "patron", "card", "college", "title",
                "identifier", "partner", "submitted", "updated", "task", "assignee").stream()
                .map(h -> messages.getMessage("desk.column." + h, null, h, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (DeskRow row : desk.export(query)) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.requestNumber());
            cells.add(messages.getMessage("desk.service." + row.service(), null, row.service(), locale));
            cells.add(messages.getMessage("status." + row.status(), null, row.status(), locale));
            cells.add(row.patronName());
            cells.add(row.patronCardNumber());
            cells.add(row.college());
            cells.add(row.title());
            cells.add(row.identifier());
            cells.add(row.partnerCode());
            cells.add(row.submittedAt().atZone(clock.getZone()).toLocalDateTime().toString());
            cells.add(row.updatedAt().atZone(clock.getZone()).toLocalDateTime().toString());
            cells.add(row.tasks().stream().map(DeskRow.OpenTask::name).collect(Collectors.joining("; ")));
            cells.add(row.tasks().stream().map(t -> t.assignee() == null ? "" : t.assignee())
                    .collect(Collectors.joining("; ")));
            rows.add(cells);
        }
        byte[] body = ReportExports.csv(new ReportTable("requests", headers, rows));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("requests-" + LocalDate.now(clock) + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }

    @GetMapping("/staff/requests/{number}")
    String detail(@PathVariable String number, Model model, org.springframework.security.core.Authentication who) {
        RequestDesk.DeskDetail detail = desk.detail(number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no request " + number));
        // the conversation, marked "unread" where staff see a message for the first time (now read)
        conversations.showOn(model, detail.request().requestNumber(), who);
        model.addAttribute("detail", detail);
        // the ISO 18626 messages exchanged with partner libraries about it, delivered, pending or refused
        model.addAttribute("partnerMessages", partnerMessages.ofRequestNumber(detail.request().requestNumber()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("tasklistTask", TASKLIST_TASK);
        return "desk/request";
    }

    /** The desk's query from the page's parameters; a malformed one is refused with what is wrong. */
    static DeskQuery query(java.util.Map<String, String> params) {
        int page;
        try {
            page = params.get("page") == null || params.get("page").isBlank() ? 0 : Integer.parseInt(params.get("page"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page must be a number");
        }
        return new DeskQuery(params.get("number"), params.get("patron"), params.get("title"), params.get("identifier"),
                params.get("status"), params.get("partner"), params.get("college"), date(params, "from"),
                date(params, "to"), params.get("service"), DeskQuery.View.of(params.get("view")), page);
    }

    private static LocalDate date(java.util.Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date like 2026-03-01");
        }
    }

    /** The same search at another path (CSV) or, with page= appended by the page, another page. */
    private static String link(java.util.Map<String, String> params, String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path == null ? "/staff/requests" : path);
        params.forEach((key, value) -> {
            if (!key.equals("page") && value != null && !value.isBlank()) {
                uri.queryParam(key, value);
            }
        });
        return uri.encode().build().toUriString();
    }
}
