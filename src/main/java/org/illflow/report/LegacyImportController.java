package org.illflow.report;

import java.io.IOException;

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
    String upload(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("columns", String.join(",", LegacyImport.COLUMNS));
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "report.import.error.empty");
            return "report/import";
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            model.addAttribute("error", "report.import.error.tooLarge");
            return "report/import";
        }
        String source = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename().strip();
        model.addAttribute("source", source);
        model.addAttribute("result", legacyImport.importCsv(source, file.getBytes()));
        return "report/import";
    }
}
