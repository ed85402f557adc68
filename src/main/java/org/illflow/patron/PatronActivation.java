package org.illflow.patron;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrons registered by staff have no password of their own. On approval they are mailed a one-time code
 * (in the mail body, never in a link) and set their password on the Activate page with card number, e-mail
 * and that code. Only a hash of the code is stored.
 */
@Service
public class PatronActivation {

    /** Unambiguous characters: no 0/O, 1/I/L. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Wrong codes tried for a patron before their codes stop working; an admin then sets a password in Admin. */
    static final int MAX_WRONG_CODES = 5;

    private final ActivationCodeRepository codes;
    private final PatronRepository patrons;
    private final IdentityService identityService;
    private final RegistrationSettings settings;
    private final Clock clock;

    PatronActivation(ActivationCodeRepository codes, PatronRepository patrons, IdentityService identityService,
            RegistrationSettings settings, Clock clock) {
        this.codes = codes;
        this.patrons = patrons;
        this.identityService = identityService;
        this.settings = settings;
        this.clock = clock;
    }

    /** Patrons registered by staff have not chosen a password: their welcome mail carries an activation code. */
    public boolean needsActivation(Patron patron) {
        return !patron.getCardNumber().equals(patron.getRegisteredBy());
    }

    /** A fresh code for the patron; any earlier unused code stops working. Returns the plain code for the mail. */
    @Transactional
    public String issueCode(long patronId) {
        Instant now = clock.instant();
        codes.findByPatronIdAndUsedAtIsNull(patronId).forEach(old -> old.use(now));
        String code = randomCode();
        codes.save(new ActivationCode(patronId, hash(code), now, now.plus(settings.getActivationCodeValidFor())));
        return code;
    }

    /**
     * Sets the password when card number, e-mail and a valid code belong together. The caller learns only
     * whether it worked, never which part was wrong.
     */
    @Transactional
    public boolean activate(String cardNumber, String email, String code, String newPassword) {
        if (cardNumber == null || email == null || code == null) {
            return false;
        }
        Optional<Patron> patron = patrons.findByCardNumber(cardNumber.strip());
        if (patron.isEmpty() || !patron.get().isActive()
                || !patron.get().getEmail().equalsIgnoreCase(email.strip())) {
            return false;
        }
        Instant now = clock.instant();
        String hash = hash(normalise(code));
        Optional<ActivationCode> match = codes.findByPatronIdAndUsedAtIsNull(patron.get().getId()).stream()
                .filter(c -> c.usableAt(now) && MessageDigest.isEqual(
                        c.getCodeHash().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII)))
                .findFirst();
        if (match.isEmpty()) {
            // card number and e-mail were right: count the wrong code, so nobody can try codes for long
            codes.findByPatronIdAndUsedAtIsNull(patron.get().getId())
                    .forEach(c -> c.failedAttempt(now, MAX_WRONG_CODES));
            return false;
        }
        match.get().use(now);
        User user = identityService.createUserQuery().userId(patron.get().getCardNumber()).singleResult();
        user.setPassword(newPassword);
        identityService.saveUser(user);
        return true;
    }

    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    private static String normalise(String code) {
        String compact = code.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        return compact.length() == 8 ? compact.substring(0, 4) + "-" + compact.substring(4) : compact;
    }

    private static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
