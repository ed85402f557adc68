package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRangeTest {

    @Test
    void readsAHyphenatedRange() {
        PageRange range = PageRange.parse("361-386").orElseThrow();

        assertThat(range.start()).isEqualTo("361");
        assertThat(range.end()).isEqualTo("386");
        assertThat(range.pageCount()).isEqualTo(26);
        assertThat(range.isAbsurd()).isFalse();
        assertThat(range).hasToString("361-386");
    }

    @ParameterizedTest
    @ValueSource(strings = {"361\u2013386", "361 \u2014 386", "361~386", "361\uFF5E386",
        "\uFF13\uFF16\uFF11\uFF0D\uFF13\uFF18\uFF16", "pp. 361-386", "p 361-386", "361-86"})
    void readsDashesTildesFullWidthAndAbbreviatedEndPages(String text) {
        assertThat(PageRange.parse(text)).contains(PageRange.parse("361-386").orElseThrow());
    }

    @Test
    void readsSupplementPages() {
        PageRange supplement = PageRange.parse("S12-S19").orElseThrow();

        assertThat(supplement.pageCount()).isEqualTo(8);
        assertThat(supplement.isAbsurd()).isFalse();
        assertThat(PageRange.parse("S12-19")).contains(supplement);
    }

    @Test
    void readsAnArticleNumberWithoutGuessingItsLength() {
        PageRange articleNumber = PageRange.parse("e1234").orElseThrow();

        assertThat(articleNumber.isSinglePage()).isTrue();
        assertThat(articleNumber.pageCount()).isNull();
        assertThat(articleNumber.isAbsurd()).isFalse();
        assertThat(articleNumber).hasToString("e1234");
    }

    @Test
    void readsASinglePage() {
        PageRange page = PageRange.parse("45").orElseThrow();

        assertThat(page.isSinglePage()).isTrue();
        assertThat(page.pageCount()).isEqualTo(1);
        assertThat(page).hasToString("45");
        assertThat(PageRange.parse("45-45")).contains(page);
    }

    @Test
    void readsRomanFrontMatterWithoutCountingIt() {
        PageRange preface = PageRange.parse("xi-xxv").orElseThrow();

        assertThat(preface.pageCount()).isNull();
        assertThat(preface.isAbsurd()).isFalse();
    }

    @Test
    void aRangeEndingBeforeItStartsIsAbsurd() {
        PageRange backwards = PageRange.parse("386-361").orElseThrow();

        assertThat(backwards.isAbsurd()).isTrue();
        assertThat(backwards.pageCount()).isNull();
        assertThat(PageRange.parse("361-55").orElseThrow().isAbsurd()).isTrue();
    }

    @Test
    void aRangeOfMoreThan2000PagesIsAbsurd() {
        assertThat(PageRange.parse("1-2000").orElseThrow().isAbsurd()).isFalse();
        PageRange huge = PageRange.parse("1-2001").orElseThrow();

        assertThat(huge.isAbsurd()).isTrue();
        assertThat(huge.pageCount()).isEqualTo(2001);
        assertThat(PageRange.parse("12-120000").orElseThrow().isAbsurd()).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "abc", "12-", "-12", "12--15", "12, 15", "1234567890", "12 to 15"})
    void refusesTextThatIsNotAPageOrRange(String text) {
        assertThat(PageRange.parse(text)).isEmpty();
    }
}
