package org.illflow.archive;

import java.time.Instant;

/** An earlier delivery of the same document that the archive knows only as a citation (no file). */
public record PriorDelivery(String requestNumber, String title, String supplierCode, Instant deliveredAt,
        String source) {
}
