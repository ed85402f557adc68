package org.illflow.copyright;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins set the library's copyright rule and journals' own rules ({@code /admin/copyright}); staff read the
 * copyright report by journal and publication year ({@code /staff/reports/copyright}, also as CSV). Bad input
 * is shown at its field and changes nothing.
 */
@Controller
class CopyrightController {

    private final CopyrightControl copyright;
    private final MessageSource messages;
    private final Clock clock;

    CopyrightController(CopyrightControl copyright, MessageSource messages, Clock clock) {
        this.copyright = copyright;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/copyright")
    String page(Model model) {
        if (!model.containsAttribute("rule")) {
            model.addAttribute("rule", CopyrightRuleForm.of(copyright.rule()));
        }
        if (!model.containsAttribute("journal")) {
            model.addAttribute("journal", new JournalRuleForm());
        }
        model.addAttribute("journals", copyright.journalRules());
        return "copyright/admin";
    }

    @PostMapping("/admin/copyright/rule")
    String saveRule(@Valid @ModelAttribute("rule") CopyrightRuleForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.warnsAfterLimit()) {
            result.rejectValue("warnAt", "copyright.error.warnAfterLimit");
        }
        if (result.hasErrors()) {
            return page(model);
        }
        copyright.changeRule(form.isEnabled(), form.getWarnAt(), form.getCopyLimit(), form.getRecentYears(),
                form.getOverLimit());
        redirect.addFlashAttribute("notice", "copyright.saved");
        return "redirect:/admin/copyright";
    }

    @PostMapping("/admin/copyright/journals")
    String saveJournal(@Valid @ModelAttribute("journal") JournalRuleForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.warnsAfterLimit()) {
            result.rejectValue("warnAt", "copyright.error.warnAfterLimit");
        }
        if (result.hasErrors()) {
            return page(model);
        }
        copyright.saveJournalRule(form.normalisedIssn(), form.normalisedEissn(), form.getTitle(), form.getWarnAt(),
                form.getCopyLimit(), form.isOpenAccess());
        redirect.addFlashAttribute("notice", "copyright.journalSaved");
        return "redirect:/admin/copyright";
    }

    @PostMapping("/admin/copyright/journals/{id}/delete")
    String removeJournal(@PathVariable long id, RedirectAttributes redirect) {
        copyright.removeJournalRule(id);
        redirect.addFlashAttribute("notice", "copyright.journalRemoved");
        return "redirect:/admin/copyright";
    }

    @GetMapping("/staff/reports/copyright")
    String report(@RequestParam(required = false) Integer year, Model model) {
        int shown = year(year);
        model.addAttribute("year", shown);
        model.addAttribute("lines", copyright.report(shown));
        model.addAttribute("rule", copyright.rule());
        return "copyright/report";
    }

    @GetMapping(value = "/staff/reports/copyright", params = "format=csv")
    ResponseEntity<byte[]> reportCsv(@RequestParam(required = false) Integer year, Locale locale) {
        int shown = year(year);
        List<String> headers = List.of("issn", "eissn", "journal", "pubYear", "copies", "fromArchive",
                "recentCopies", "limit", "overLimit").stream()
                .map(h -> messages.getMessage("copyright.report." + h, null, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (CopyrightControl.ReportLine l : copyright.report(shown)) {
            rows.add(java.util.Arrays.asList(l.issn(), l.eissn(), l.journal(), l.pubYear(), l.copies(),
                    l.fromArchive(), l.recentCopiesOfJournal(), l.limit(),
                    messages.getMessage(l.overLimit() ? "copyright.report.yes" : "copyright.report.no", null, locale)));
        }
        ReportTable table = new ReportTable(messages.getMessage("copyright.report.title", new Object[] {shown},
                locale), headers, rows);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("illflow-copyright-" + shown + ".csv").build().toString())
                .body(ReportExports.csv(table));
    }

    /** The year asked for (this year when none); a year outside 1990–2200 is 400. */
    private int year(Integer year) {
        if (year == null) {
            return LocalDate.now(clock).getYear();
        }
        if (year < 1990 || year > 2200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The year is between 1990 and 2200.");
        }
        return year;
    }
}
