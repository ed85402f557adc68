package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IssnTest {

    @Test
    void computesTheCheckCharacterOfTheIssnManualExample() {
        // 0*8 + 3*7 + 1*6 + 7*5 + 8*4 + 4*3 + 7*2 = 120; 120 mod 11 = 10; 11 - 10 = 1
        assertThat(Issn.checkCharacter("0317847")).isEqualTo('1');
        assertThat(Issn.isValid("0317-8471")).isTrue();
        assertThat(Issn.isValid("0317-8472")).isFalse();
    }

    @Test
    void writesTenAsAnUpperCaseX() {
        // 2*8 + 4*7 + 3*6 + 4*5 + 5*4 + 6*3 + 1*2 = 122; 122 mod 11 = 1; 11 - 1 = 10, written X
        assertThat(2 * 8 + 4 * 7 + 3 * 6 + 4 * 5 + 5 * 4 + 6 * 3 + 1 * 2).isEqualTo(122);
        assertThat(Issn.checkCharacter("2434561")).isEqualTo('X');
        assertThat(Issn.parse("2434-561X").value()).isEqualTo("2434-561X");
        assertThat(Issn.parse("2434-561x").value()).isEqualTo("2434-561X");
        assertThat(Issn.parse("2434561x").value()).isEqualTo("2434-561X");
    }

    @Test
    void computesAZeroCheckWhenTheSumIsAMultipleOfEleven() {
        // 0*8 + 0*7 + 0*6 + 0*5 + 0*4 + 1*3 + 4*2 = 11; remainder 0 gives check 0
        assertThat(Issn.checkCharacter("0000014")).isEqualTo('0');
    }

    @ParameterizedTest
    @ValueSource(strings = {"03178471", "0317-8471", " 0317 8471 ", "ISSN 0317-8471", "issn: 0317-8471",
        "\uFF10\uFF13\uFF11\uFF17\uFF0D\uFF18\uFF14\uFF17\uFF11", "0317\u20138471"})
    void normalisesTypedFormsToTheHyphenatedForm(String raw) {
        assertThat(Issn.parse(raw).value()).isEqualTo("0317-8471");
    }

    @Test
    void equalIssnsWrittenDifferentlyAreEqual() {
        assertThat(Issn.parse("03178471")).isEqualTo(Issn.parse("0317-8471")).hasToString("0317-8471");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0317-847", "0317-84711", "0317-8472", "X317-8471", "0317-84X1", "abcd-efgh"})
    void refusesWrongLengthsAndWrongCheckCharacters(String raw) {
        assertThat(Issn.isValid(raw)).isFalse();
        assertThat(Issn.tryParse(raw)).isEmpty();
        assertThatThrownBy(() -> Issn.parse(raw))
                .isInstanceOfSatisfying(InvalidIdentifierException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("citation.issn.invalid"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"031784", "03178471", "0317-84"})
    void checkCharacterNeedsExactlySevenDigits(String digits) {
        assertThatIllegalArgumentException().isThrownBy(() -> Issn.checkCharacter(digits));
    }
}
