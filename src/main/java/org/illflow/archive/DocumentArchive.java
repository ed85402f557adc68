package org.illflow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.illflow.citation.Citation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The library's archive of delivered full texts. Files are content-addressed ({@code <root>/ab/ab…ef.pdf} by
 * SHA-256), so the same PDF delivered twice is kept once. A file is written to a temporary name in its folder
 * and renamed into place, so no reader ever sees half a file; the row is inserted after the file is complete,
 * so no row ever names a missing file. (A rollback after the rename leaves an unreferenced file, which the next
 * store of the same content simply reuses.)
 */
@Service
public class DocumentArchive {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentArchive.class);

    private final ArchivedDocumentRepository documents;
    private final ArchiveReuseRepository reuses;
    private final ArchivedCitationRepository citations;
    private final ArchiveSettings settings;
    private final PdfCheck check;
    private final Clock clock;

    DocumentArchive(ArchivedDocumentRepository documents, ArchiveReuseRepository reuses,
            ArchivedCitationRepository citations, ArchiveSettings settings, Clock clock) {
        this.documents = documents;
        this.reuses = reuses;
        this.citations = citations;
        this.settings = settings;
        this.check = new PdfCheck(settings);
        this.clock = clock;
    }

    /**
     * Keeps a PDF staff attached for a request, <em>unconfirmed</em>: it is not in the duplicate index until
     * {@link #confirm} (staff completed "Copy received"), and {@link #discard} removes it if it never is. The
     * content must be a readable PDF within the size limit, otherwise {@link UnacceptableFileException} is thrown
     * and nothing is written. A PDF already kept (same SHA-256) is not stored again: its record is returned.
     */
    @Transactional
    public ArchivedDocument receive(byte[] pdf, ArchiveEntry entry) {
        int pageCount = check.pageCount(pdf);
        String sha256 = sha256(pdf);
        String storagePath = sha256.substring(0, 2) + "/" + sha256 + ".pdf";
        Path file = resolve(storagePath);
        Optional<ArchivedDocumentRecord> existing = documents.findBySha256(sha256);
        if (existing.isPresent()) {
            // the same content again; put the file back should the store have lost it
            ensureFile(file, pdf);
            return existing.get().view();
        }
        ensureFile(file, pdf);
        ArchivedDocumentRecord saved = documents.saveAndFlush(new ArchivedDocumentRecord(sha256, pdf.length,
                pageCount, storagePath, entry, clock.instant()));
        LOG.info("received document {} ({} pages, {} bytes) for {}, not yet confirmed", saved.getId(), pageCount,
                pdf.length, entry.requestNumber());
        return saved.view();
    }

    /**
     * The check {@link #receive} makes, alone and outside any transaction: the page count of an acceptable PDF, or
     * {@link UnacceptableFileException}. For a copy fetched from elsewhere, refused without touching the caller's
     * transaction.
     */
    public int acceptablePageCount(byte[] pdf) {
        return check.pageCount(pdf);
    }

    /** Keeps a PDF whose delivery is already confirmed: {@link #receive} and {@link #confirm} at once. */
    @Transactional
    public ArchivedDocument store(byte[] pdf, ArchiveEntry entry) {
        return confirm(receive(pdf, entry).id(), entry);
    }

    /**
     * The delivery of this copy is confirmed: it joins the duplicate index under the keys, supplier and cost of
     * {@code entry} (the confirming request). Confirming a copy confirmed before changes nothing.
     */
    @Transactional
    public ArchivedDocument confirm(long documentId, ArchiveEntry entry) {
        ArchivedDocumentRecord document = documents.findById(documentId)
                .orElseThrow(() -> new NoSuchElementException("no archived document " + documentId));
        if (!document.isConfirmed()) {
            document.confirm(entry);
            document = documents.saveAndFlush(document);
            LOG.info("confirmed document {} for {}", documentId, entry.requestNumber());
        }
        return document.view();
    }

    /**
     * Removes a copy that was never confirmed (replaced by another upload, or its request went on without it);
     * its file is deleted once the transaction has committed. A confirmed copy is never removed.
     */
    @Transactional
    public void discard(long documentId) {
        documents.findById(documentId).filter(d -> !d.isConfirmed()).ifPresent(document -> {
            documents.delete(document);
            documents.flush();
            String sha256 = document.getSha256();
            Path file = resolve(document.getStoragePath());
            LOG.info("discarded unconfirmed document {}", documentId);
            afterCommit(() -> {
                // the same content may have been attached again meanwhile: then its file stays
                if (documents.findBySha256(sha256).isEmpty()) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        LOG.warn("could not delete the file of discarded document {}: {}", documentId, e.toString());
                    }
                }
            });
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * A confirmed full text of the article a citation describes ({@link ArticleKeys}): by DOI first (however it was
     * typed); otherwise by normalised title and year in the same journal. A citation with neither DOI nor title,
     * year and journal finds nothing. Unconfirmed uploads are never found.
     */
    @Transactional(readOnly = true)
    public Optional<ArchivedDocument> findDuplicate(Citation citation) {
        ArticleKeys keys = ArticleKeys.of(citation);
        if (keys.doiKey() != null) {
            Optional<ArchivedDocumentRecord> byDoi = documents.findByDoiKeyAndConfirmedTrueOrderByIdDesc(keys.doiKey())
                    .stream().findFirst();
            if (byDoi.isPresent()) {
                return byDoi.map(ArchivedDocumentRecord::view);
            }
        }
        if (!keys.matchableByTitle()) {
            return Optional.empty();
        }
        return documents.findByTitleKeyAndYearAndConfirmedTrueOrderByIdDesc(keys.titleKey(), keys.year()).stream()
                .filter(d -> keys.sameArticle(d.keys()))
                .findFirst()
                .map(ArchivedDocumentRecord::view);
    }

    /**
     * Adds a document delivered before illflow (imported history) to the duplicate index, without a file. It is
     * never delivered from the archive; staff ordering it again see {@link #findPriorDelivery}.
     */
    public void indexCitation(ArchiveEntry entry, Instant deliveredAt, String source) {
        citations.save(new ArchivedCitation(entry, deliveredAt, source));
    }

    /** An earlier delivery known only as a citation: same DOI, or same title, year and journal. */
    @Transactional(readOnly = true)
    public Optional<PriorDelivery> findPriorDelivery(Citation citation) {
        ArticleKeys keys = ArticleKeys.of(citation);
        if (keys.doiKey() != null) {
            Optional<ArchivedCitation> byDoi = citations.findByDoiKeyOrderByIdDesc(keys.doiKey()).stream().findFirst();
            if (byDoi.isPresent()) {
                return byDoi.map(ArchivedCitation::view);
            }
        }
        if (!keys.matchableByTitle()) {
            return Optional.empty();
        }
        return citations.findByTitleKeyAndYearOrderByIdDesc(keys.titleKey(), keys.year()).stream()
                .filter(c -> keys.sameArticle(c.keys()))
                .findFirst().map(ArchivedCitation::view);
    }

    @Transactional(readOnly = true)
    public Optional<ArchivedDocument> find(long documentId) {
        return documents.findById(documentId).map(ArchivedDocumentRecord::view);
    }

    /** Notes that a request was answered with this archived copy; recording the same pair again changes nothing. */
    @Transactional
    public void recordReuse(long documentId, String requestNumber) {
        if (requestNumber == null || requestNumber.isBlank()) {
            throw new IllegalArgumentException("requestNumber is required");
        }
        if (!documents.existsById(documentId)) {
            throw new NoSuchElementException("no archived document " + documentId);
        }
        String number = requestNumber.strip();
        if (!reuses.existsByDocumentIdAndRequestNumber(documentId, number)) {
            reuses.save(new ArchiveReuse(documentId, number, clock.instant()));
        }
    }

    /** Records what the library paid for an archived copy (the supplier's price for its pages). */
    public void recordCost(long documentId, BigDecimal cost) {
        documents.findById(documentId)
                .orElseThrow(() -> new NoSuchElementException("no archived document " + documentId))
                .recordCost(cost);
    }

    /** How many later requests were answered with this document. */
    @Transactional(readOnly = true)
    public long reuseCount(long documentId) {
        return reuses.countByDocumentId(documentId);
    }

    /** The document's file, for streaming. For staff and the download link; patrons go through a link. */
    @Transactional(readOnly = true)
    public Path path(long documentId) {
        ArchivedDocumentRecord document = documents.findById(documentId)
                .orElseThrow(() -> new NoSuchElementException("no archived document " + documentId));
        Path file = resolve(document.getStoragePath());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the file of archived document " + documentId + " is missing: " + file);
        }
        return file;
    }

    /** The document's content; the caller closes the stream. */
    public InputStream open(long documentId) throws IOException {
        Path file = path(documentId);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the file of archived document " + documentId + " is missing", e);
        }
    }

    private Path root() {
        return settings.getRoot().toAbsolutePath().normalize();
    }

    private Path resolve(String storagePath) {
        Path root = root();
        Path file = root.resolve(storagePath).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalStateException("storage path outside the archive root: " + storagePath);
        }
        return file;
    }

    /** Writes the file unless the store already holds it: temporary file in the same folder, then renamed. */
    private static void ensureFile(Path file, byte[] content) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) == content.length) {
                return;
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".incoming-", ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
