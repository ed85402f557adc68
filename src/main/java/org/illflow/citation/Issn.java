package org.illflow.citation;

import java.util.Optional;
import java.util.regex.Pattern;

/** An International Standard Serial Number (ISO 3297), always shown as NNNN-NNNC. */
public final class Issn {

    private static final Pattern LABEL = Pattern.compile("^ISSN\\s*:?", Pattern.CASE_INSENSITIVE);

    private final String value;

    private Issn(String value) {
        this.value = value;
    }

    public static Issn parse(String raw) {
        return tryParse(raw).orElseThrow(
                () -> new InvalidIdentifierException(CitationValidation.ISSN_INVALID, raw));
    }

    /** Accepts the number with or without hyphen or spaces, and a lower-case x. */
    public static Optional<Issn> tryParse(String raw) {
        String compact = IdentifierText.compact(raw, LABEL);
        if (compact.length() != 8 || !IdentifierText.isAsciiDigits(compact, 0, 7)
                || checkCharacter(compact.substring(0, 7)) != compact.charAt(7)) {
            return Optional.empty();
        }
        return Optional.of(new Issn(compact.substring(0, 4) + "-" + compact.substring(4)));
    }

    public static boolean isValid(String raw) {
        return tryParse(raw).isPresent();
    }

    /** The check character for seven digits: weights 8 down to 2, modulus 11, 10 written as X. */
    public static char checkCharacter(String first7Digits) {
        if (first7Digits == null || first7Digits.length() != 7 || !IdentifierText.isAsciiDigits(first7Digits, 0, 7)) {
            throw new IllegalArgumentException("An ISSN check character needs exactly 7 digits, got: " + first7Digits);
        }
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (first7Digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** NNNN-NNNC with an upper-case X. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Issn issn && issn.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
