package org.illflow.catalog;

import java.io.IOException;

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
            Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "holdings.error.empty");
            return "catalog/holdings";
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            model.addAttribute("error", "holdings.error.tooLarge");
            return "catalog/holdings";
        }
        // the file name identifies the source: importing a file of the same name again replaces its rows
        String source = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename().strip();
        try {
            HoldingsImport.Result result = switch (format) {
                case "KBART" -> holdingsImport.importKbart(source, file.getBytes());
                case "MARC" -> holdingsImport.importMarc(source, file.getBytes());
                default -> null;
            };
            if (result == null) {
                model.addAttribute("error", "holdings.error.format");
                return "catalog/holdings";
            }
            model.addAttribute("result", result);
            model.addAttribute("kbart", "KBART".equals(format));
        } catch (HoldingsImport.OlderListException e) {
            model.addAttribute("error", "holdings.error.olderList");
            model.addAttribute("detail", e.loaded());
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("error", "holdings.error.unreadable");
            model.addAttribute("detail", e.getMessage());
        }
        return "catalog/holdings";
    }
}
