package org.illflow.citation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An International Standard Book Number. The 13-digit form is the identity: an ISBN-10 and the
 * ISBN-13 made from it are the same book and compare equal.
 */
public final class Isbn {

    private static final Pattern LABEL = Pattern.compile(
            "^ISBN(?:[-\\s]?1[03](?=\\s*:|\\s))?\\s*:?", Pattern.CASE_INSENSITIVE);
    private static final String BOOKLAND = "978";
    private static final String BOOKLAND_NEW = "979";
    // 979-0 is the ISMN range for printed music, which shares the EAN-13 check but is not an ISBN.
    private static final String ISMN = "9790";

    private final String isbn13;

    private Isbn(String isbn13) {
        this.isbn13 = isbn13;
    }

    public static Isbn parse(String raw) {
        return tryParse(raw).orElseThrow(
                () -> new InvalidIdentifierException(CitationValidation.ISBN_INVALID, raw));
    }

    /** Accepts ISBN-10 or ISBN-13, with or without hyphens or spaces, and a lower-case x. */
    public static Optional<Isbn> tryParse(String raw) {
        String compact = IdentifierText.compact(raw, LABEL);
        if (isValidIsbn10(compact)) {
            return Optional.of(new Isbn(thirteenFromTen(compact)));
        }
        if (isValidIsbn13(compact)) {
            return Optional.of(new Isbn(compact));
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return tryParse(raw).isPresent();
    }

    /**
     * The ISBN-13 of any valid ISBN (an ISBN-13 comes back as it is).
     *
     * @throws InvalidIdentifierException when the text is not a valid ISBN
     */
    public static String toIsbn13(String isbn10) {
        return parse(isbn10).isbn13();
    }

    /**
     * The ISBN-10 of any valid ISBN; empty for the 979 range, which has none.
     *
     * @throws InvalidIdentifierException when the text is not a valid ISBN
     */
    public static Optional<String> toIsbn10(String isbn13) {
        return parse(isbn13).isbn10();
    }

    /** 13 digits without hyphens: the key ISBNs are stored and matched by. */
    public String isbn13() {
        return isbn13;
    }

    public Optional<String> isbn10() {
        if (!isbn13.startsWith(BOOKLAND)) {
            return Optional.empty();
        }
        String nine = isbn13.substring(3, 12);
        return Optional.of(nine + isbn10CheckCharacter(nine));
    }

    private static boolean isValidIsbn10(String text) {
        return text.length() == 10
                && IdentifierText.isAsciiDigits(text, 0, 9)
                && isbn10CheckCharacter(text.substring(0, 9)) == text.charAt(9);
    }

    private static boolean isValidIsbn13(String text) {
        return text.length() == 13
                && IdentifierText.isAsciiDigits(text, 0, 13)
                && (text.startsWith(BOOKLAND) || (text.startsWith(BOOKLAND_NEW) && !text.startsWith(ISMN)))
                && isbn13CheckDigit(text.substring(0, 12)) == text.charAt(12);
    }

    private static String thirteenFromTen(String isbn10) {
        String twelve = BOOKLAND + isbn10.substring(0, 9);
        return twelve + isbn13CheckDigit(twelve);
    }

    private static char isbn10CheckCharacter(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static char isbn13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Isbn isbn && isbn.isbn13.equals(isbn13);
    }

    @Override
    public int hashCode() {
        return isbn13.hashCode();
    }

    @Override
    public String toString() {
        return isbn13;
    }
}
