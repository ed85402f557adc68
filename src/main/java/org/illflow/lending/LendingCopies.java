package org.illflow.lending;

import org.illflow.archive.ArchiveEntry;
import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scanned copies for partners, kept in the library's archive like every delivered full text (same checks: a
 * readable PDF within the size limit). An upload is kept unconfirmed on the lending request; completing *Scan and
 * send* confirms it (it then joins the archive's duplicate index, so the next request for the same article finds
 * the scan).
 */
@Service
public class LendingCopies {

    private final DocumentArchive archive;
    private final Lending lending;

    LendingCopies(DocumentArchive archive, Lending lending) {
        this.archive = archive;
        this.lending = lending;
    }

    /** Keeps the uploaded scan for the request; throws UnacceptableFileException for anything but a good PDF. */
    @Transactional
    public ArchivedDocument attach(LendingRequest request, byte[] pdf, String staff) {
        ArchivedDocument document = archive.receive(pdf, entry(request));
        lending.record(request.id(), staff, "COPY_ATTACHED", document.pageCount() + " pages");
        return document;
    }

    /** Whether this document was uploaded for this lending request. */
    @Transactional(readOnly = true)
    public boolean attachedTo(long lendingId, long documentId) {
        String number = lending.request(lendingId).lendingNumber();
        return archive.find(documentId).map(d -> number.equals(d.originalRequestNumber())).orElse(false);
    }

    @Transactional
    public void confirm(long lendingId, long documentId, String staff) {
        LendingRequest request = lending.request(lendingId);
        archive.confirm(documentId, entry(request));
        lending.record(lendingId, staff, "COPY_SCANNED", null);
    }

    public java.io.InputStream open(long documentId) throws java.io.IOException {
        return archive.open(documentId);
    }

    private static ArchiveEntry entry(LendingRequest request) {
        return ArchiveEntry.of(Lending.citation(request), null, null, request.lendingNumber());
    }
}
