package org.illflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** The archive keeps each distinct PDF once, in the file store, and refuses anything that is not a good PDF. */
@IllflowTest
class ArchiveStoreTest {

    @Autowired DocumentArchive archive;
    @Autowired ArchiveSettings settings;
    @Autowired ArchivedDocumentRepository documents;
    @Autowired ArchiveReuseRepository reuses;
    @Autowired ArchivedCitationRepository citations;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @TempDir Path tempRoot;

    private static ArchiveEntry entry(String requestNumber) {
        Citation citation = Citation.builder().genre(CitationGenre.ARTICLE).title("Content addressed storage")
                .journal("Journal of Archives").issn("0317-8471").year(2024).doi("10.5555/store-" + requestNumber)
                .volume("12").pages("45-67").build();
        return ArchiveEntry.of(citation, "CALIS", new BigDecimal("12.50"), requestNumber);
    }

    private long rowsWithSha(String sha256) {
        return jdbc.queryForObject("select count(*) from archived_document where sha256 = ?", Long.class, sha256);
    }

    /** The archive with a small size limit and a root of its own, so what it writes can be seen exactly. */
    private DocumentArchive archiveWithLimit(DataSize limit) {
        ArchiveSettings small = new ArchiveSettings();
        small.setRoot(tempRoot);
        small.setMaxFileSize(limit);
        return new DocumentArchive(documents, reuses, citations, small, clock);
    }

    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theSamePdfStoredTwiceIsOneRowAndOneFile() throws IOException {
        byte[] pdf = Pdfs.pdf(3);
        ArchivedDocument first = archive.store(pdf, entry("DD-2026-100001"));
        ArchivedDocument second = archive.store(pdf.clone(), entry("DD-2026-100002"));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.sizeBytes()).isEqualTo(pdf.length);
        assertThat(first.sha256()).isEqualTo(DocumentArchive.sha256(pdf)).hasSize(64);
        // the first delivery's record stays as it was
        assertThat(second.originalRequestNumber()).isEqualTo("DD-2026-100001");
        assertThat(second.supplierCode()).isEqualTo("CALIS");
        assertThat(second.cost()).isEqualByComparingTo("12.50");
        assertThat(rowsWithSha(first.sha256())).isEqualTo(1);

        Path folder = settings.getRoot().toAbsolutePath().normalize().resolve(first.sha256().substring(0, 2));
        Path file = folder.resolve(first.sha256() + ".pdf");
        assertThat(archive.path(first.id())).isEqualTo(file);
        assertThat(file).isRegularFile().hasBinaryContent(pdf);
        try (Stream<Path> inFolder = Files.list(folder)) {
            assertThat(inFolder.filter(p -> p.getFileName().toString().startsWith(first.sha256())))
                    .containsExactly(file);
        }
        try (Stream<Path> inFolder = Files.list(folder)) {
            assertThat(inFolder.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void anUploadIsNoDuplicateUntilConfirmedAndADiscardedOneLeavesNeitherRowNorFile() throws IOException {
        DocumentArchive own = archiveWithLimit(DataSize.ofMegabytes(50));
        Citation citation = Citation.builder().genre(CitationGenre.ARTICLE).title("Pending until confirmed")
                .journal("Journal of Archives").issn("0317-8471").year(2024).doi("10.5555/pending-" + System.nanoTime())
                .build();
        ArchivedDocument kept = own.receive(Pdfs.pdf(2), ArchiveEntry.of(citation, "NSTL", null, "DD-2026-100011"));
        assertThat(kept.confirmed()).isFalse();
        assertThat(own.findDuplicate(citation)).isEmpty();
        ArchivedDocument confirmed = own.confirm(kept.id(),
                ArchiveEntry.of(citation, "NSTL", new BigDecimal("0.60"), "DD-2026-100011"));
        assertThat(confirmed.confirmed()).isTrue();
        assertThat(confirmed.cost()).isEqualByComparingTo("0.60");
        assertThat(own.findDuplicate(citation)).map(ArchivedDocument::id).contains(kept.id());
        own.discard(kept.id()); // a confirmed copy is never discarded
        assertThat(own.find(kept.id())).isPresent();

        Citation other = Citation.builder().genre(CitationGenre.ARTICLE).title("Never confirmed")
                .journal("Journal of Archives").year(2024).doi("10.5555/never-" + System.nanoTime()).build();
        ArchivedDocument wrong = own.receive(Pdfs.pdf(1), ArchiveEntry.of(other, "NSTL", null, "DD-2026-100012"));
        Path file = own.path(wrong.id());
        own.discard(wrong.id());
        assertThat(own.find(wrong.id())).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(own.findDuplicate(other)).isEmpty();
        assertThat(filesUnder(tempRoot)).containsExactly(own.path(kept.id()));
    }

    @Test
    void aStoredDocumentOpensWithItsBytes() throws IOException {
        byte[] pdf = Pdfs.pdf(1);
        ArchivedDocument document = archive.store(pdf, entry("DD-2026-100003"));
        try (InputStream in = archive.open(document.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(archive.find(document.id())).contains(document);
        assertThatThrownBy(() -> archive.path(Long.MAX_VALUE)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aLostFileIsPutBackWhenTheSamePdfArrivesAgain() throws IOException {
        DocumentArchive own = archiveWithLimit(DataSize.ofMegabytes(50));
        byte[] pdf = Pdfs.pdf(2);
        ArchivedDocument document = own.store(pdf, entry("DD-2026-100004"));
        Files.delete(own.path(document.id()).toAbsolutePath());
        assertThatThrownBy(() -> own.path(document.id())).isInstanceOf(IllegalStateException.class);

        assertThat(own.store(pdf, entry("DD-2026-100005")).id()).isEqualTo(document.id());
        assertThat(own.path(document.id())).hasBinaryContent(pdf);
    }

    @Test
    void aRenamedTextFileIsRefusedAndNothingIsWritten() throws IOException {
        DocumentArchive own = archiveWithLimit(DataSize.ofMegabytes(50));
        byte[] text = "%PDF? no, just the minutes of the meeting.\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> own.store(text, entry("DD-2026-100006")))
                .isInstanceOfSatisfying(UnacceptableFileException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("archive.file.notPdf"));
        byte[] html = "<html><body>Session expired, please log in</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> own.store(html, entry("DD-2026-100006")))
                .isInstanceOfSatisfying(UnacceptableFileException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("archive.file.notPdf"));
        assertThat(rowsWithSha(DocumentArchive.sha256(text))).isZero();
        assertThat(rowsWithSha(DocumentArchive.sha256(html))).isZero();
        assertThat(filesUnder(tempRoot)).isEmpty();
    }

    @Test
    void anEmptyFileIsRefusedAndNothingIsWritten() throws IOException {
        DocumentArchive own = archiveWithLimit(DataSize.ofMegabytes(50));
        assertThatThrownBy(() -> own.store(new byte[0], entry("DD-2026-100007")))
                .isInstanceOfSatisfying(UnacceptableFileException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("archive.file.empty"));
        assertThatThrownBy(() -> own.store(null, entry("DD-2026-100007")))
                .isInstanceOfSatisfying(UnacceptableFileException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("archive.file.empty"));
        assertThat(rowsWithSha(DocumentArchive.sha256(new byte[0]))).isZero();
        assertThat(filesUnder(tempRoot)).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitAndNothingIsWritten() throws IOException {
        byte[] pdf = Pdfs.pdf(20);
        assertThat(pdf.length).isGreaterThan(1024);
        DocumentArchive own = archiveWithLimit(DataSize.ofKilobytes(1));
        assertThatThrownBy(() -> own.store(pdf, entry("DD-2026-100008")))
                .isInstanceOfSatisfying(UnacceptableFileException.class, e -> {
                    assertThat(e.getMessageKey()).isEqualTo("archive.file.tooLarge");
                    assertThat(e.getArguments()).containsExactly("1 KB");
                });
        assertThat(rowsWithSha(DocumentArchive.sha256(pdf))).isZero();
        assertThat(filesUnder(tempRoot)).isEmpty();

        // exactly at the limit is accepted
        DocumentArchive exact = archiveWithLimit(DataSize.ofBytes(pdf.length));
        assertThat(exact.store(pdf, entry("DD-2026-100008")).pageCount()).isEqualTo(20);
        assertThat(filesUnder(tempRoot)).hasSize(1);
    }

    @Test
    void aPasswordProtectedPdfIsRefusedWithItsOwnReason() throws IOException {
        DocumentArchive own = archiveWithLimit(DataSize.ofMegabytes(50));
        byte[] locked = Pdfs.passwordProtected();
        assertThatThrownBy(() -> own.store(locked, entry("DD-2026-100009")))
                .isInstanceOfSatisfying(UnacceptableFileException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("archive.file.passwordProtected"));
        assertThat(rowsWithSha(DocumentArchive.sha256(locked))).isZero();
        assertThat(filesUnder(tempRoot)).isEmpty();
    }

    @Test
    void theDefaultSettingsAreFiftyMegabytesThirtyDaysUnderTheDataDirectory() {
        assertThat(settings.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(50));
        assertThat(settings.getLinkValidFor()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(settings.getRoot().normalize()).isEqualTo(Path.of("target", "test-data", "archive"));
        assertThat(PdfCheck.readable(DataSize.ofMegabytes(50))).isEqualTo("50 MB");
    }

    @Test
    void aReuseIsRecordedOncePerRequest() {
        ArchivedDocument document = archive.store(Pdfs.pdf(1), entry("DD-2026-100010"));
        archive.recordReuse(document.id(), "DD-2026-100011");
        archive.recordReuse(document.id(), " DD-2026-100011 ");
        archive.recordReuse(document.id(), "DD-2026-100012");
        assertThat(archive.reuseCount(document.id())).isEqualTo(2);
        assertThatThrownBy(() -> archive.recordReuse(Long.MAX_VALUE, "DD-2026-100013"))
                .isInstanceOf(NoSuchElementException.class);
    }
}
