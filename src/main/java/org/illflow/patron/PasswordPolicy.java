package org.illflow.patron;

import java.util.Optional;

/** The one password rule of the platform: 8 to 64 characters, letters and digits, not the card number. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private PasswordPolicy() {
    }

    /** The message key of what is wrong with the password, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String cardNumber) {
        if (password == null || password.isEmpty()) {
            return Optional.of("registration.password.required");
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("registration.password.length");
        }
        boolean letter = password.codePoints().anyMatch(Character::isLetter);
        boolean digit = password.codePoints().anyMatch(Character::isDigit);
        if (!letter || !digit || (cardNumber != null && password.equalsIgnoreCase(cardNumber))) {
            return Optional.of("registration.password.weak");
        }
        return Optional.empty();
    }
}
