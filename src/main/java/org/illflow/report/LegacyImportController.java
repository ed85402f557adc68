package org.illflow.report;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.illflow.system.UploadedFileName;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Admin page to import the previous system's request history (CSV, all or nothing). */
@Controller
class LegacyImportController {

    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final LegacyImport legacyImport;

    LegacyImportController(LegacyImport legacyImport) {
        this.legacyImport = legacyImport;
    }

    @GetMapping("/admin/reports/import")
    String page(Model model) {
        model.addAttribute("columns", String.join(",", LegacyImport.COLUMNS));
        return "report/import";
    }

    @PostMapping("/admin/reports/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        model.addAttribute("columns", String.join(",", LegacyImport.COLUMNS));
        if (file == null || file.isEmpty()) {
            return refused("report.import.error.empty", model, response);
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            return refused("report.import.error.tooLarge", model, response);
        }
        String source = UploadedFileName.of(file);
        Optional<String> badName = UploadedFileName.problem(source);
        if (badName.isPresent()) {
            return refused(badName.get(), model, response);
        }
        model.addAttribute("source", source);
        LegacyImport.Result result = legacyImport.importCsv(source, file.getBytes());
        if (!result.stored()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // refused whole: every problem is listed
        }
        model.addAttribute("result", result);
        return "report/import";
    }

    /** A file refused before reading it: the page again with the reason, status 400, nothing stored. */
    private static String refused(String reason, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", reason);
        return "report/import";
    }
}
