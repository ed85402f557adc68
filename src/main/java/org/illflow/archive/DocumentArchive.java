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
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.illflow.citation.Citation;
import org.illflow.citation.Issn;
import org.illflow.citation.TitleKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
     * Keeps a delivered PDF. The content must be a readable PDF within the size limit, otherwise
     * {@link UnacceptableFileException} is thrown and nothing is written. A PDF already in the archive (same
     * SHA-256) is not stored again: its existing record is returned unchanged.
     */
    @Transactional
    public ArchivedDocument store(byte[] pdf, ArchiveEntry entry) {
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
        LOG.info("archived document {} ({} pages, {} bytes) for {}", saved.getId(), pageCount, pdf.length,
                entry.requestNumber());
        return saved.view();
    }

    /**
     * An archived full text of the article a citation describes. By DOI first (however it was typed); otherwise
     * by normalised title and year in the same journal: same ISSN when both sides have one, else the same
     * journal title. Different DOIs, volumes or first pages rule a title match out, so "Editorial" of one issue
     * is not taken for another's. A citation with neither DOI nor title, year and journal finds nothing.
     */
    @Transactional(readOnly = true)
    public Optional<ArchivedDocument> findDuplicate(Citation citation) {
        Optional<String> doiKey = citation.doiKey();
        if (doiKey.isPresent()) {
            Optional<ArchivedDocumentRecord> byDoi = documents.findByDoiKeyOrderByIdDesc(doiKey.get()).stream()
                    .findFirst();
            if (byDoi.isPresent()) {
                return byDoi.map(ArchivedDocumentRecord::view);
            }
        }
        String titleKey = citation.titleKey();
        if (titleKey.isEmpty() || citation.year() == null) {
            return Optional.empty();
        }
        Set<String> issns = new LinkedHashSet<>();
        citation.issnValue().ifPresent(issns::add);
        Issn.tryParse(citation.eissn()).map(Issn::value).ifPresent(issns::add);
        String journalKey = TitleKey.of(citation.journal());
        if (issns.isEmpty() && journalKey.isEmpty()) {
            return Optional.empty();
        }
        String volumeKey = MatchKeys.volume(citation.volume());
        String firstPage = MatchKeys.firstPage(citation.pages());
        return documents.findByTitleKeyAndYearOrderByIdDesc(titleKey, citation.year()).stream()
                .filter(d -> d.getDoiKey() == null || doiKey.isEmpty())
                .filter(d -> sameJournal(d.getIssn(), d.getJournalKey(), issns, journalKey))
                .filter(d -> MatchKeys.agree(d.getVolumeKey(), volumeKey))
                .filter(d -> MatchKeys.agree(d.getFirstPage(), firstPage))
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
        Optional<String> doiKey = citation.doiKey();
        if (doiKey.isPresent()) {
            Optional<ArchivedCitation> byDoi = citations.findByDoiKeyOrderByIdDesc(doiKey.get()).stream().findFirst();
            if (byDoi.isPresent()) {
                return byDoi.map(ArchivedCitation::view);
            }
        }
        if (citation.titleKey().isEmpty() || citation.year() == null) {
            return Optional.empty();
        }
        Set<String> issns = new LinkedHashSet<>();
        citation.issnValue().ifPresent(issns::add);
        Issn.tryParse(citation.eissn()).map(Issn::value).ifPresent(issns::add);
        String journalKey = TitleKey.of(citation.journal());
        return citations.findByTitleKeyAndYearOrderByIdDesc(citation.titleKey(), citation.year()).stream()
                .filter(c -> c.getDoiKey() == null || doiKey.isEmpty())
                .filter(c -> sameJournal(c.getIssn(), c.getJournalKey(), issns, journalKey))
                .findFirst().map(ArchivedCitation::view);
    }

    /** By ISSN when both sides have one, else by the journal's title key. */
    private static boolean sameJournal(String issn, String storedJournalKey, Set<String> issns, String journalKey) {
        if (issn != null && !issns.isEmpty()) {
            return issns.contains(issn);
        }
        return !journalKey.isEmpty() && journalKey.equals(storedJournalKey);
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
