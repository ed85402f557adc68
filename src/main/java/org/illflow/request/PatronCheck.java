package org.illflow.request;

import java.util.Optional;

import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may use the services, the same for articles and books: only a patron whose account is active. A pending
 * or suspended patron is refused at the door (portal and API) and, when staff enter a request for them, the
 * process ends it as REJECTED in both lifecycles.
 */
@Service
@Transactional(readOnly = true)
public class PatronCheck {

    private final PatronDirectory patrons;

    PatronCheck(PatronDirectory patrons) {
        this.patrons = patrons;
    }

    /** The patron, if their account is active. */
    public Optional<Patron> active(String cardNumber) {
        return patrons.byCardNumber(cardNumber).filter(Patron::isActive);
    }

    public boolean isActive(String cardNumber) {
        return active(cardNumber).isPresent();
    }

    /** The registered patron staff enter a request for (from Tasklist's start form); unknown: the start fails. */
    public Patron forStaffEntry(String cardNumber) {
        return patrons.byCardNumber(cardNumber).orElseThrow(() -> new IllegalArgumentException(
                "No patron with card number " + cardNumber + ". / 没有此工号/学号的读者。"));
    }
}
