package org.illflow.supplier;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The suppliers and lenders with their agreed terms: read by the request processes, edited by admins. */
@Service
@Transactional(readOnly = true)
public class SupplierCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SupplierCatalog.class);

    private final SupplierRepository suppliers;
    private final SupplierCredentials credentials;
    private final Clock clock;

    SupplierCatalog(SupplierRepository suppliers, SupplierCredentials credentials, Clock clock) {
        this.suppliers = suppliers;
        this.credentials = credentials;
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
     * The supplier's password in plain text, <b>only for staff working on a task</b> that orders from or borrows
     * from this supplier (shown to them on the task, so they can log in to the supplier's request system). Never
     * put it into a process variable, a URL, a mail, a log or anything a patron sees. Each call is logged (without
     * the password) with the signed-in user.
     *
     * @return the password, or null when none is stored
     * @throws NoSuchElementException when there is no supplier with that code
     * @throws SupplierCredentialException when the stored value cannot be decrypted with the configured key
     */
    public String passwordForStaff(String code) {
        Supplier supplier = byCode(code).orElseThrow(() -> new NoSuchElementException("no supplier " + code));
        if (!supplier.hasPassword()) {
            return null;
        }
        String password = credentials.decrypt(supplier.getCode(), supplier.encryptedPassword());
        LOG.info("Password of supplier {} read for {}", supplier.getCode(), currentUser());
        return password;
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "(no signed-in user)" : authentication.getName();
    }

    static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
