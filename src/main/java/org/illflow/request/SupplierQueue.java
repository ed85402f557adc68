package org.illflow.request;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.illflow.supplier.RankedSupplier;

/**
 * The suppliers (copies) or lenders (books) still to try for a request, cheapest first, as the comma-separated
 * codes a process variable holds: ranked once, then taken from the front one try at a time.
 */
public record SupplierQueue(List<String> codes) {

    public SupplierQueue {
        codes = List.copyOf(codes);
    }

    public static SupplierQueue ranked(List<RankedSupplier> ranked) {
        return new SupplierQueue(ranked.stream().map(RankedSupplier::code).toList());
    }

    /** From the process variable; blank or missing is an empty queue. */
    public static SupplierQueue of(String remaining) {
        return new SupplierQueue(remaining == null || remaining.isBlank() ? List.of()
                : Arrays.stream(remaining.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    public boolean isEmpty() {
        return codes.isEmpty();
    }

    /** The one to try now. */
    public Optional<String> next() {
        return codes.stream().findFirst();
    }

    /** The queue after the one tried now. */
    public SupplierQueue rest() {
        return new SupplierQueue(codes.isEmpty() ? List.of() : codes.subList(1, codes.size()));
    }

    /** As the process variable holds it. */
    @Override
    public String toString() {
        return String.join(",", codes);
    }
}
