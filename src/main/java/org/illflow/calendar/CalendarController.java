package org.illflow.calendar;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the working-day calendar per year: one day at a time, or a whole year from a CSV file. */
@Controller
class CalendarController {

    static final long MAX_FILE_BYTES = 1024L * 1024;

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarController(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < 1990 || year > 2200 ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.year(shown));
        return "calendar/calendar";
    }

    @PostMapping("/admin/calendar/day")
    String set(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) String name, RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "calendar.error.date");
            return "redirect:/admin/calendar";
        }
        CalendarDay.Kind type = WorkingCalendar.kindOf(kind.strip());
        if (type == null) {
            redirect.addFlashAttribute("error", "calendar.error.kind");
        } else if (name != null && name.strip().length() > 100) {
            redirect.addFlashAttribute("error", "calendar.error.name");
        } else {
            calendar.set(date, type, name);
            redirect.addFlashAttribute("notice", "calendar.saved");
        }
        return "redirect:/admin/calendar?year=" + date.getYear();
    }

    @PostMapping("/admin/calendar/day/delete")
    String delete(@RequestParam(defaultValue = "") String day, RedirectAttributes redirect) {
        try {
            LocalDate date = LocalDate.parse(day.strip());
            calendar.remove(date);
            redirect.addFlashAttribute("notice", "calendar.removed");
            return "redirect:/admin/calendar?year=" + date.getYear();
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("error", "calendar.error.date");
            return "redirect:/admin/calendar";
        }
    }

    @PostMapping("/admin/calendar/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty() || file.getSize() > MAX_FILE_BYTES) {
            model.addAttribute("error", file == null || file.isEmpty() ? "calendar.error.empty" : "calendar.error.tooLarge");
            return page(null, model);
        }
        WorkingCalendar.ImportResult result = calendar.importCsv(file.getBytes());
        model.addAttribute("result", result);
        return page(result.ok() ? result.years().get(0) : null, model);
    }
}
