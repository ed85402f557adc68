package org.illflow.archive;

import java.util.Map;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * A patron's download: the PDF as an attachment named after the request, never cached. Login is required by the
 * security configuration (anonymous visitors go to the login page and come back). Unknown and other patrons'
 * links get the ordinary "not found" page; expired links a page that says so (410).
 */
@Controller
class DownloadController {

    private final DownloadLinks links;
    private final DocumentArchive archive;

    DownloadController(DownloadLinks links, DocumentArchive archive) {
        this.links = links;
        this.archive = archive;
    }

    @GetMapping(DownloadLinks.PATH_PREFIX + "{token}")
    ResponseEntity<Resource> download(@PathVariable String token, Authentication who) {
        LinkResolution resolution = links.resolve(token, who);
        if (resolution.outcome() == LinkResolution.Outcome.GONE) {
            throw new Unavailable(HttpStatus.GONE);
        }
        if (!resolution.isFound()) {
            throw new Unavailable(HttpStatus.NOT_FOUND);
        }
        ArchivedDocument document = resolution.document();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(resolution.requestNumber())).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new FileSystemResource(archive.path(document.id())));
    }

    @ExceptionHandler(Unavailable.class)
    ModelAndView unavailable(Unavailable e) {
        String view = e.status == HttpStatus.GONE ? "archive/link-expired" : "error";
        // the error page reads the status as the error controller gives it: an Integer
        return new ModelAndView(view, Map.of("status", e.status.value()), e.status);
    }

    /** Request numbers are letters, digits and hyphens; anything else is replaced so the header stays plain. */
    static String fileName(String requestNumber) {
        return requestNumber.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    /** Not an error worth a stack trace: the answer to a link that does not work (any more). */
    static final class Unavailable extends RuntimeException {

        private final HttpStatus status;

        Unavailable(HttpStatus status) {
            super(status.getReasonPhrase(), null, false, false);
            this.status = status;
        }
    }
}
