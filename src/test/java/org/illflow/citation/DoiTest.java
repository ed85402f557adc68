package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DoiTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "10.1000/xyz123",
        "doi:10.1000/xyz123",
        "DOI: 10.1000/xyz123",
        "info:doi/10.1000/xyz123",
        "info:doi/10.1000%2Fxyz123",
        "https://doi.org/10.1000/xyz123",
        "HTTPS://DOI.ORG/10.1000/xyz123",
        "http://dx.doi.org/10.1000/xyz123.",
        "https://dx.doi.org/10.1000/xyz123",
        "doi.org/10.1000/xyz123",
        "https://doi.org/10.1000%2Fxyz123",
        "info%3Adoi%2F10.1000%2Fxyz123",
        "  10.1000/xyz123  ",
        "10.1000/xyz123)",
        "10.1000/xyz123;",
        "10.1000/xyz123.",
        "10.1000/xyz123\",",
        "\u201C10.1000/xyz123\u201D"
    })
    void readsTheSameDoiFromTheUsualWaysOfWritingIt(String raw) {
        assertThat(Doi.parse(raw).value()).isEqualTo("10.1000/xyz123");
    }

    @Test
    void keepsThePublishersCaseForDisplayButMatchesCaseInsensitively() {
        Doi printed = Doi.parse("doi:10.1000/XYZ123");
        Doi typed = Doi.parse("https://doi.org/10.1000/xyz123");

        assertThat(printed.value()).isEqualTo("10.1000/XYZ123");
        assertThat(printed.matchKey()).isEqualTo("10.1000/xyz123");
        assertThat(printed).isEqualTo(typed).hasSameHashCodeAs(typed);
    }

    @Test
    void acceptsOldWileyDoisWithAngleBracketsAndSemicolons() {
        String wiley = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0";

        Doi doi = Doi.parse(wiley);

        assertThat(doi.value()).isEqualTo(wiley);
        assertThat(doi.url()).isEqualTo(
                "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0");
    }

    @Test
    void keepsBalancedClosingBracketsThatBelongToTheDoi() {
        assertThat(Doi.parse("(see doi:10.1016/S0140-6736(97)11096-0)".substring(5)).value())
                .isEqualTo("10.1016/S0140-6736(97)11096-0");
        assertThat(Doi.parse("10.1000/abc(1)").value()).isEqualTo("10.1000/abc(1)");
        assertThat(Doi.parse("10.1000/abc(1)).").value()).isEqualTo("10.1000/abc(1)");
    }

    @Test
    void acceptsSubdividedRegistrantCodes() {
        assertThat(Doi.tryParse("10.1000.10/123456")).map(Doi::value).contains("10.1000.10/123456");
    }

    @Test
    void buildsResolverUrlsEncodingOnlyWhatAUrlCannotCarry() {
        assertThat(Doi.parse("10.1103/PhysRev.47.777").url()).isEqualTo("https://doi.org/10.1103/PhysRev.47.777");
        assertThat(Doi.parse("10.1000/a#b?c%d").url()).isEqualTo("https://doi.org/10.1000/a%23b%3Fc%25d");
        assertThat(Doi.parse("10.1000/a/b").url()).isEqualTo("https://doi.org/10.1000/a/b");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "11.1000/x", "10.1000", "10.1000/", "10.abc/x", "10./x", "10.1000/has space",
        "https://example.org/10.1000/x", "xyz123"})
    void refusesTextThatIsNotADoi(String raw) {
        assertThat(Doi.tryParse(raw)).isEmpty();
        assertThatThrownBy(() -> Doi.parse(raw))
                .isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e -> {
                    InvalidIdentifierException invalid = (InvalidIdentifierException) e;
                    assertThat(invalid.messageKey()).isEqualTo("citation.doi.invalid");
                    assertThat(invalid.rejectedValue()).isEqualTo(raw);
                });
    }

    @Test
    void theExceptionIsAnIllegalArgumentSoCallersNeedNoSpecialCase() {
        assertThatThrownBy(() -> Doi.parse("11.1000/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("citation.doi.invalid")
                .hasMessageContaining("'11.1000/x'");
    }
}
