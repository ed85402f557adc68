package org.illflow.catalog;

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

/** Admin page to load the library's holdings: a provider's KBART list or a catalogue's MARC export. */
@Controller
class HoldingsController {

    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final HoldingsImport holdingsImport;

    HoldingsController(HoldingsImport holdingsImport) {
        this.holdingsImport = holdingsImport;
    }

    @GetMapping("/admin/holdings")
    String page() {
        return "catalog/holdings";
    }

    @PostMapping("/admin/holdings")
    String upload(@RequestParam(defaultValue = "") String format, @RequestParam(required = false) MultipartFile file,
            Model model, HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            return refused("holdings.error.empty", model, response);
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            return refused("holdings.error.tooLarge", model, response);
        }
        // the file name identifies the source: importing a file of the same name again replaces its rows
        String source = UploadedFileName.of(file);
        Optional<String> badName = UploadedFileName.problem(source);
        if (badName.isPresent()) {
            return refused(badName.get(), model, response);
        }
        try {
            HoldingsImport.Result result = switch (format) {
                case "KBART" -> holdingsImport.importKbart(source, file.getBytes());
                case "MARC" -> holdingsImport.importMarc(source, file.getBytes());
                default -> null;
            };
            if (result == null) {
                return refused("holdings.error.format", model, response);
            }
            model.addAttribute("result", result);
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("detail", e.getMessage());
            return refused("holdings.error.unreadable", model, response);
        }
        return "catalog/holdings";
    }

    /** A file refused whole: the page again with the reason, status 400, nothing stored. */
    private static String refused(String reason, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", reason);
        return "catalog/holdings";
    }
}
