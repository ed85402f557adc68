package org.illflow.lending;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /partner-copies/<token>}: a partner library fetches the copy this library scanned for it. No login:
 * the link is the authorisation ({@link CopyLinks}). Unknown links answer 404, expired or used-up ones 410, both
 * with a short plain text; the PDF is never cached.
 */
@RestController
class PartnerCopyController {

    private final CopyLinks links;
    private final LendingCopies copies;

    PartnerCopyController(CopyLinks links, LendingCopies copies) {
        this.links = links;
        this.copies = copies;
    }

    @GetMapping(CopyLinks.PATH_PREFIX + "{token}")
    ResponseEntity<?> fetch(@PathVariable String token) throws IOException {
        CopyLinks.Resolution resolution = links.follow(token);
        if (resolution.state() == CopyLinks.Resolution.State.NOT_FOUND) {
            return text(HttpStatus.NOT_FOUND, "No such copy. / 没有此复制件。");
        }
        if (resolution.state() == CopyLinks.Resolution.State.GONE) {
            return text(HttpStatus.GONE, "This link has expired or has been used up; ask the lending library for a new "
                    + "one. / 此链接已过期或已用完，请联系出借馆。");
        }
        InputStream content = copies.open(resolution.documentId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(resolution.lendingNumber() + ".pdf").build().toString())
                .body(new InputStreamResource(content));
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_PLAIN,
                java.nio.charset.StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore()).body(message);
    }
}
