package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

    @ParameterizedTest
    @CsvSource({
        "0-940016-73-7, 9780940016736",
        "0306406152,    9780306406157",
        "0715630407,    9780715630402"
    })
    void convertsIsbn10ToIsbn13AsTheBisgExamplesShow(String isbn10, String isbn13) {
        assertThat(Isbn.toIsbn13(isbn10)).isEqualTo(isbn13);
        assertThat(Isbn.parse(isbn10).isbn13()).isEqualTo(isbn13);
        assertThat(Isbn.toIsbn10(isbn13)).contains(isbn10.replace("-", ""));
    }

    @Test
    void acceptsTheChineseExampleFromTheCnmarcRecord() {
        // 7*10 + 5*9 + 0*8 + 5*7 + 3*6 + 9*5 + 0*4 + 1*3 + 3*2 = 222; 222 mod 11 = 2; 11 - 2 = 9,
        // so the check digit 9 printed in the record is right and the example needs no change.
        assertThat(7 * 10 + 5 * 9 + 0 * 8 + 5 * 7 + 3 * 6 + 9 * 5 + 0 * 4 + 1 * 3 + 3 * 2).isEqualTo(222);
        Isbn chinese = Isbn.parse("7-5053-9013-9");

        assertThat(chinese.isbn13()).isEqualTo("9787505390133");
        assertThat(chinese.isbn10()).contains("7505390139");
    }

    @Test
    void handlesAnIsbn10EndingInX() {
        // 0*10 + 8*9 + 0*8 + 4*7 + 4*6 + 2*5 + 9*4 + 5*3 + 7*2 = 199; 199 mod 11 = 1; 11 - 1 = 10, written X
        assertThat(0 * 10 + 8 * 9 + 0 * 8 + 4 * 7 + 4 * 6 + 2 * 5 + 9 * 4 + 5 * 3 + 7 * 2).isEqualTo(199);
        Isbn isbn = Isbn.parse("0-8044-2957-x");

        assertThat(isbn.isbn13()).isEqualTo("9780804429573");
        assertThat(isbn.isbn10()).contains("080442957X");
        assertThat(Isbn.toIsbn10("978-0-8044-2957-3")).contains("080442957X");
    }

    @Test
    void an979IsbnHasNoIsbn10() {
        // 9+21+9+3+0+27+0+18+3+18+0+21 = 129 with weights 1,3,...; (10 - 9) mod 10 = 1
        Isbn french = Isbn.parse("979-10-90636-07-1");

        assertThat(french.isbn13()).isEqualTo("9791090636071");
        assertThat(french.isbn10()).isEmpty();
        assertThat(Isbn.toIsbn10("9791090636071")).isEmpty();
    }

    @Test
    void tenAndThirteenDigitFormsOfOneBookAreEqual() {
        Isbn ten = Isbn.parse("0-306-40615-2");
        Isbn thirteen = Isbn.parse("978-0-306-40615-7");

        assertThat(ten).isEqualTo(thirteen).hasSameHashCodeAs(thirteen).hasToString("9780306406157");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISBN 978-0-306-40615-7", "ISBN-13: 978-0-306-40615-7", "ISBN-10: 0-306-40615-2",
        "978 0 306 40615 7", "\uFF19\uFF17\uFF18\uFF10\uFF13\uFF10\uFF16\uFF14\uFF10\uFF16\uFF11\uFF15\uFF17"})
    void readsLabelledSpacedAndFullWidthForms(String raw) {
        assertThat(Isbn.parse(raw).isbn13()).isEqualTo("9780306406157");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0306406153", "9780306406158", "0-940016-73-8", "030640615", "97803064061570",
        "X306406152", "9770306406158", "9790260000438"})
    void refusesWrongCheckDigitsLengthsAndNonBookPrefixes(String raw) {
        assertThat(Isbn.isValid(raw)).isFalse();
        assertThatThrownBy(() -> Isbn.parse(raw))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("citation.isbn.invalid"));
    }

    @Test
    void conversionsRefuseInvalidInput() {
        assertThatThrownBy(() -> Isbn.toIsbn13("0306406153")).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> Isbn.toIsbn10("9780306406158")).isInstanceOf(InvalidIdentifierException.class);
    }
}
