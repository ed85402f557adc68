package org.illflow.request;

import org.illflow.system.StaffRefusals;
import org.springframework.stereotype.Component;

/** The kernel's services every request service needs, handed over as one ({@link PatronRequests}). */
@Component
public record RequestKernel(PatronCheck patrons, RequestSubmission submission, RequestCancellation cancellation,
        StaffRefusals refusals) {
}
