package org.illflow.archive;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A full text in the archive, read-only. The file is reached through {@link DocumentArchive#open(long)} or
 * {@link DocumentArchive#path(long)}; a process variable holds only the {@link #id()}. Only a {@code confirmed}
 * copy (staff completed "Copy received") is in the duplicate index.
 */
public record ArchivedDocument(
        long id,
        String sha256,
        long sizeBytes,
        int pageCount,
        String title,
        String doiKey,
        Integer year,
        String issn,
        String supplierCode,
        BigDecimal cost,
        Instant createdAt,
        String originalRequestNumber,
        boolean confirmed) {
}
