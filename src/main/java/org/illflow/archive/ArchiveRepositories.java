package org.illflow.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArchivedDocumentRepository extends JpaRepository<ArchivedDocumentRecord, Long> {

    Optional<ArchivedDocumentRecord> findBySha256(String sha256);

    List<ArchivedDocumentRecord> findByDoiKeyAndConfirmedTrueOrderByIdDesc(String doiKey);

    List<ArchivedDocumentRecord> findByTitleKeyAndYearAndConfirmedTrueOrderByIdDesc(String titleKey, Integer year);
}

interface ArchiveReuseRepository extends JpaRepository<ArchiveReuse, Long> {

    boolean existsByDocumentIdAndRequestNumber(Long documentId, String requestNumber);

    long countByDocumentId(Long documentId);
}

interface DownloadLinkRepository extends JpaRepository<DownloadLink, Long> {

    Optional<DownloadLink> findByToken(String token);
}
