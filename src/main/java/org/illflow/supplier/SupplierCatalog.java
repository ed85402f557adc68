package org.illflow.supplier;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The suppliers and lenders with their agreed terms: read by the request processes, edited by admins. */
@Service
@Transactional(readOnly = true)
public class SupplierCatalog {

    private final SupplierRepository suppliers;
    private final SupplierCredentials credentials;
    private final PasswordRevealRepository reveals;
    private final Clock clock;

    SupplierCatalog(SupplierRepository suppliers, SupplierCredentials credentials, PasswordRevealRepository reveals,
            Clock clock) {
        this.suppliers = suppliers;
        this.credentials = credentials;
        this.reveals = reveals;
        this.clock = clock;
    }

    /** Codes are upper case (CALIS); the lookup ignores case and surrounding blanks. */
    public Optional<Supplier> byCode(String code) {
        return code == null || code.isBlank() ? Optional.empty() : suppliers.findByCode(normalize(code));
    }

    /** Every supplier, active or not, by code. */
    public List<Supplier> all() {
        return suppliers.findAllByOrderByCodeAsc();
    }

    public List<Supplier> active() {
        return suppliers.findByActiveTrueOrderByCodeAsc();
    }

    /**
     * An admin's edit. {@code newPassword} null or empty keeps the stored password; anything else replaces it
     * (encrypted). {@code expectedVersion}, when given, is the version the admin's form was built from: if
     * someone saved the supplier meanwhile, nothing is saved and an optimistic locking failure is thrown.
     *
     * @throws NoSuchElementException when there is no supplier with that code
     */
    @Transactional
    public Supplier save(String code, SupplierTerms terms, String newPassword, Integer expectedVersion) {
        Supplier supplier = byCode(code).orElseThrow(() -> new NoSuchElementException("no supplier " + code));
        if (expectedVersion != null && expectedVersion != supplier.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Supplier.class, supplier.getCode());
        }
        supplier.change(terms, clock.instant());
        if (newPassword != null && !newPassword.isEmpty()) {
            supplier.storeEncryptedPassword(credentials.encrypt(supplier.getCode(), newPassword), clock.instant());
        }
        return suppliers.saveAndFlush(supplier);
    }

    /** A new supplier (demo data; real ones also need a rule in the eligibility table). */
    @Transactional
    Supplier create(String code, SupplierTerms terms, String password) {
        Supplier supplier = new Supplier(normalize(code), terms, clock.instant());
        if (password != null && !password.isEmpty()) {
            supplier.storeEncryptedPassword(credentials.encrypt(supplier.getCode(), password), clock.instant());
        }
        return suppliers.save(supplier);
    }

    /**
     * The supplier's password in plain text for the staff member who holds the open task that orders from this
     * supplier for this request (the caller has checked that they do), so they can log in to the supplier's
     * request system. Each reveal is recorded (who, when, which supplier, request and task; never the password)
     * and admins read the record on the supplier pages. Never put the password into a process variable, a URL, a
     * mail, a log or anything a patron sees.
     *
     * @return the password, or null when none is stored (nothing is recorded then)
     * @throws NoSuchElementException when there is no supplier with that code
     * @throws SupplierCredentialException when the stored value cannot be decrypted with the configured key
     */
    @Transactional
    public String revealPassword(String code, String requestNumber, String taskId, String staffUserId) {
        String password = decryptedPassword(code);
        if (password != null) {
            reveals.save(new PasswordReveal(normalize(code), requestNumber, taskId, staffUserId, clock.instant()));
        }
        return password;
    }

    /** The newest reveals, all suppliers, or one supplier's when {@code code} is given. */
    public List<PasswordReveal> recentReveals(String code, int limit) {
        Pageable page = PageRequest.of(0, limit);
        return code == null ? reveals.findAllByOrderByRevealedAtDescIdDesc(page)
                : reveals.findBySupplierCodeOrderByRevealedAtDescIdDesc(normalize(code), page);
    }

    /** The stored password decrypted, or null; unrecorded, so only for {@link #revealPassword} and tests. */
    String decryptedPassword(String code) {
        Supplier supplier = byCode(code).orElseThrow(() -> new NoSuchElementException("no supplier " + code));
        if (!supplier.hasPassword()) {
            return null;
        }
        return credentials.decrypt(supplier.getCode(), supplier.encryptedPassword());
    }

    static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
