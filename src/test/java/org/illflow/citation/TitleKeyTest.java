package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TitleKeyTest {

    @Test
    void fullWidthAndHalfWidthEnglishTitlesMatch() {
        String fullWidth = "\uFF24\uFF45\uFF45\uFF50\u3000"
                + "\uFF2C\uFF45\uFF41\uFF52\uFF4E\uFF49\uFF4E\uFF47\uFF1Aa review";

        assertThat(fullWidth).isEqualTo("Ｄｅｅｐ　Ｌｅａｒｎｉｎｇ：a review");
        assertThat(TitleKey.of(fullWidth))
                .isEqualTo(TitleKey.of("deep learning - A Review."))
                .isEqualTo("deeplearningareview");
    }

    @Test
    void chineseTitlesMatchWhateverSeparatesTheirParts() {
        assertThat(TitleKey.of("机器学习：综述"))
                .isEqualTo(TitleKey.of("机器学习 综述"))
                .isEqualTo(TitleKey.of("《机器学习》——综述"))
                .isEqualTo("机器学习综述");
    }

    @Test
    void mixedChineseAndFullWidthDigitsMatchTheirHalfWidthForm() {
        assertThat(TitleKey.of("２０２３年中国图书馆学研究进展"))
                .isEqualTo(TitleKey.of("2023 年 中国图书馆学研究进展"));
    }

    @Test
    void englishTitlesDifferingInPunctuationCaseAndSpacingMatch() {
        assertThat(TitleKey.of("The Structure of Scientific Revolutions: 50th-Anniversary Edition"))
                .isEqualTo(TitleKey.of("the structure of scientific revolutions 50th anniversary edition"))
                .isEqualTo(TitleKey.of("The  Structure of Scientific\tRevolutions — 50th\u00ADAnniversary Edition!"));
    }

    @Test
    void leadingArticlesAreKept() {
        assertThat(TitleKey.of("The Lancet")).isNotEqualTo(TitleKey.of("Lancet"));
    }

    @Test
    void differentArticlesWithSimilarTitlesDoNotMatch() {
        assertThat(TitleKey.of("Deep learning for image recognition"))
                .isNotEqualTo(TitleKey.of("Deep learning for speech recognition"));
    }

    @Test
    void lettersOfOtherScriptsAndDigitsStay() {
        assertThat(TitleKey.of("Über die Möglichkeit (Teil 2)")).isEqualTo("überdiemöglichkeitteil2");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\u3000", "—:;"})
    void hasAnEmptyKeyForNothingToMatch(String title) {
        assertThat(TitleKey.of(title)).isEmpty();
    }
}
