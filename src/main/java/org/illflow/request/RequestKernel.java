package org.illflow.request;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/** The kernel's services every request service needs, handed over as one ({@link PatronRequests}). */
@Component
public record RequestKernel(PatronCheck patrons, RequestSubmission submission, RequestCancellation cancellation,
        Validator validator) {
}
