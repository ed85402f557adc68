package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CitationGenreTest {

    @ParameterizedTest
    @CsvSource({
        "article, ARTICLE", "journal, ARTICLE", "issue, ARTICLE", "preprint, ARTICLE", "conference, ARTICLE",
        "proceeding, PROCEEDING",
        "book, BOOK", "report, BOOK", "document, BOOK",
        "bookitem, CHAPTER",
        "unknown, UNKNOWN",
        "' Article ', ARTICLE", "BOOKITEM, CHAPTER"
    })
    void mapsOpenUrlGenres(String openUrlGenre, CitationGenre expected) {
        assertThat(CitationGenre.fromOpenUrl(openUrlGenre)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"dissertation", "patent", "bookchapter"})
    void anythingElseIsUnknown(String openUrlGenre) {
        assertThat(CitationGenre.fromOpenUrl(openUrlGenre)).isEqualTo(CitationGenre.UNKNOWN);
    }

    @Test
    void onlyAWholeBookIsReturnable() {
        assertThat(Arrays.stream(CitationGenre.values()).filter(CitationGenre::returnable))
                .containsExactly(CitationGenre.BOOK);
    }
}
