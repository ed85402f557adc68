package org.illflow.patron;

import java.util.Optional;

import org.illflow.security.PatronAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to patrons for the other features (portal, requests, reports). */
@Service
@Transactional(readOnly = true)
public class PatronDirectory implements PatronAccounts {

    private final PatronRepository patrons;

    PatronDirectory(PatronRepository patrons) {
        this.patrons = patrons;
    }

    public Optional<Patron> byCardNumber(String cardNumber) {
        return cardNumber == null ? Optional.empty() : patrons.findByCardNumber(cardNumber);
    }

    public Optional<Patron> byId(long patronId) {
        return patrons.findById(patronId);
    }

    @Override
    public boolean isPatron(String userId) {
        return byCardNumber(userId).isPresent();
    }

    @Override
    public String preferredLanguage(String userId) {
        return byCardNumber(userId).map(Patron::getLanguage).orElse(null);
    }
}
