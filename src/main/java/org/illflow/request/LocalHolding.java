package org.illflow.request;

import org.illflow.catalog.Holding;

/** What the patron is told about the library's own copy: an e-journal's link, or a book's call number and place. */
public final class LocalHolding {

    private LocalHolding() {
    }

    public static String describe(Holding holding) {
        return holding.kind() == Holding.Kind.E_JOURNAL ? holding.title() + " — " + holding.url()
                : holding.title() + " — " + holding.callNumber() + " — " + holding.location();
    }
}
