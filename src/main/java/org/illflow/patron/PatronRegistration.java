package org.illflow.patron;

import static org.illflow.patron.PatronRegistrationProcess.*;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.illflow.security.IllflowGroups;
import org.illflow.system.StaffRefusals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of patrons: records the application (patron row + Camunda user, not yet in any group), starts
 * the registration process, and carries out the review's decision. Everything a step changes commits with
 * the engine's step (one DataSource, one transaction manager).
 */
@Service
public class PatronRegistration {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PatronRepository patrons;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final RegistrationSettings settings;
    private final StaffRefusals refusals;
    private final Clock clock;

    PatronRegistration(PatronRepository patrons, IdentityService identityService, RuntimeService runtimeService,
            RegistrationSettings settings, StaffRefusals refusals, Clock clock) {
        this.patrons = patrons;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.settings = settings;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** The public Register page: records the application and starts its review. */
    @Transactional
    public Patron register(RegistrationForm form) {
        String password = form.getPassword();
        PasswordPolicy.problem(password, form.getCardNumber()).ifPresent(key -> {
            throw new RegistrationException("password", key, "The password is too weak.");
        });
        if (!password.equals(form.getPasswordConfirmation())) {
            throw new RegistrationException("passwordConfirmation", "registration.password.mismatch",
                    "The passwords do not match.");
        }
        Patron patron = record(form, password, form.getCardNumber());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, patron.getCardNumber(),
                variablesOf(patron));
        patron.attachProcess(instance.getId());
        return patron;
    }

    /**
     * Staff registering someone from Tasklist's start form: the start variables carry the applicant. Nothing is
     * stored when a field is invalid or taken; Tasklist shows the message and the start form stays open.
     */
    @Transactional
    public Patron recordFromStartForm(Map<String, Object> variables, String staffUserId) {
        RegistrationForm form = new RegistrationForm();
        form.setName(string(variables.get(VAR_NAME)));
        form.setCardNumber(string(variables.get(VAR_CARD_NUMBER)));
        form.setEmail(string(variables.get(VAR_EMAIL)));
        form.setPhone(string(variables.get(VAR_PHONE)));
        form.setCollege(string(variables.get(VAR_COLLEGE)));
        String language = string(variables.get(VAR_LANGUAGE));
        form.setLanguage(language == null ? "zh" : language);
        String type = string(variables.get(VAR_PATRON_TYPE));
        try {
            form.setPatronType(type == null ? null : PatronType.valueOf(type));
        } catch (IllegalArgumentException e) {
            throw refusals.refuseField(VAR_PATRON_TYPE, "registration.patronType", "registration.patronType.unknown",
                    type);
        }
        refusals.requireValid(form, "registration.");
        try {
            return record(form, null, staffUserId);
        } catch (RegistrationException taken) {
            throw new IllegalArgumentException(refusals.bilingual(taken.getMessageKey()), taken);
        }
    }

    private Patron record(RegistrationForm form, String password, String registeredBy) {
        String cardNumber = form.getCardNumber();
        String email = form.getEmail().toLowerCase(Locale.ROOT);
        if (patrons.existsByCardNumberIgnoreCase(cardNumber)
                || identityService.createUserQuery().userId(cardNumber).count() > 0) {
            throw new RegistrationException("cardNumber", "registration.cardNumber.taken",
                    "Card number " + cardNumber + " is already registered.");
        }
        if (patrons.existsByEmailIgnoreCase(email)) {
            throw new RegistrationException("email", "registration.email.taken",
                    "The e-mail address is already registered.");
        }
        User user = identityService.newUser(cardNumber);
        user.setFirstName(form.getName());
        user.setLastName("");
        user.setEmail(email);
        user.setPassword(password != null ? password : unguessablePassword());
        identityService.saveUser(user);
        Patron patron = new Patron(cardNumber, form.getName(), email, form.getPhone(), form.getPatronType(),
                form.getCollege(), form.getLanguage(), clock.instant(), registeredBy);
        return patrons.saveAndFlush(patron);
    }

    /**
     * Enrols an already-approved patron without a review (demo data, bulk imports from the library system).
     * Does nothing when the card number is already registered.
     */
    @Transactional
    public void enrolApproved(RegistrationForm form, String password, String enrolledBy) {
        if (patrons.existsByCardNumberIgnoreCase(form.getCardNumber())) {
            return;
        }
        Patron patron = record(form, password, form.getCardNumber());
        patron.activate(enrolledBy, clock.instant());
        identityService.createMembership(patron.getCardNumber(), IllflowGroups.PATRONS);
    }

    static Map<String, Object> variablesOf(Patron patron) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PATRON_ID, patron.getId());
        variables.put(VAR_CARD_NUMBER, patron.getCardNumber());
        variables.put(VAR_NAME, patron.getName());
        variables.put(VAR_EMAIL, patron.getEmail());
        variables.put(VAR_PHONE, patron.getPhone());
        variables.put(VAR_PATRON_TYPE, patron.getPatronType().name());
        variables.put(VAR_COLLEGE, patron.getCollege());
        variables.put(VAR_LANGUAGE, patron.getLanguage());
        return variables;
    }

    @Transactional(readOnly = true)
    public boolean isEligible(long patronId) {
        return settings.isEligible(find(patronId).getPatronType());
    }

    @Transactional
    public void approve(long patronId, String decidedBy) {
        Patron patron = find(patronId);
        patron.activate(decidedBy, clock.instant());
        identityService.createMembership(patron.getCardNumber(), IllflowGroups.PATRONS);
    }

    @Transactional
    public void reject(long patronId, String reason, String decidedBy) {
        find(patronId).reject(reason, decidedBy, clock.instant());
    }

    /** The patron type may not use the service: the registration ends, the applicant is told why. */
    @Transactional
    public void rejectAsIneligible(long patronId) {
        Patron patron = find(patronId);
        patron.reject("patron type " + patron.getPatronType() + " is not eligible", "illflow", clock.instant());
    }

    /** The patron changes their e-mail, phone or language on the Profile page. */
    @Transactional
    public void updateContact(String cardNumber, String email, String phone, String language) {
        Patron patron = patrons.findByCardNumber(cardNumber)
                .orElseThrow(() -> new IllegalArgumentException("no patron " + cardNumber));
        String normalised = email.toLowerCase(Locale.ROOT);
        if (!normalised.equals(patron.getEmail()) && patrons.existsByEmailIgnoreCase(normalised)) {
            throw new RegistrationException("email", "registration.email.taken", "The e-mail address is taken.");
        }
        patron.updateContact(normalised, phone, language);
        User user = identityService.createUserQuery().userId(cardNumber).singleResult();
        user.setEmail(normalised);
        identityService.saveUser(user);
    }

    @Transactional
    public void attachProcess(long patronId, String processInstanceId) {
        find(patronId).attachProcess(processInstanceId);
    }

    Patron find(long patronId) {
        return patrons.findById(patronId)
                .orElseThrow(() -> new IllegalArgumentException("no patron with id " + patronId));
    }

    private static String unguessablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
