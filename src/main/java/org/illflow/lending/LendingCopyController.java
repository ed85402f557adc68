package org.illflow.lending;

import java.io.IOException;

import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.UnacceptableFileException;
import org.illflow.security.SignedIn;
import org.illflow.system.ApiRefusal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload the *Scan and send* task's form calls: the scanned PDF, checked and kept like every full text
 * (UnacceptableFileException → 400), for a lending request that is waiting for a scan (else 409). Inter-library
 * loan staff and admins only; refusals are problem+json.
 */
@RestController
@RequestMapping("/staff/lending")
class LendingCopyController {

    private final Lending lending;
    private final LendingCopies copies;

    LendingCopyController(Lending lending, LendingCopies copies) {
        this.lending = lending;
        this.copies = copies;
    }

    record AttachedCopy(long documentId, int pageCount, long sizeBytes) {
    }

    @PostMapping("/{number}/copy")
    AttachedCopy attach(@PathVariable String number, @RequestParam(required = false) MultipartFile file,
            Authentication who) throws IOException {
        if (!SignedIn.isLoanStaff(who)) {
            throw new ApiRefusal(403, "error.forbidden", "Inter-library loan staff only.");
        }
        LendingRequest r = lending.byNumber(number)
                .orElseThrow(() -> new ApiRefusal(404, "lending.notFound", "No lending request " + number + ".", number));
        if (!r.open() || !LendingProcess.COPY.equals(r.suppliedAs()) || r.documentId() != null) {
            throw new ApiRefusal(409, "lending.copy.notExpected", "Lending request " + number
                    + " is not waiting for a scanned copy.", number);
        }
        if (file == null || file.isEmpty()) {
            throw new ApiRefusal(400, "archive.file.empty", "No file was attached.");
        }
        try {
            ArchivedDocument document = copies.attach(r, file.getBytes(), who.getName());
            return new AttachedCopy(document.id(), document.pageCount(), document.sizeBytes());
        } catch (UnacceptableFileException e) {
            throw new ApiRefusal(400, e.getMessageKey(), e.getMessage(), e.getArguments());
        }
    }
}
