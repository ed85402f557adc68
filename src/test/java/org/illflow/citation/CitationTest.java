package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationTest {

    @Test
    void keepsWhatWasEnteredAndDerivesTheMatchKeys() {
        Citation citation = Citation.builder()
                .genre(CitationGenre.ARTICLE)
                .title("Can Quantum-Mechanical Description of Physical Reality Be Considered Complete?")
                .authors("Einstein, A.; Podolsky, B.; Rosen, N.")
                .journal("Physical Review")
                .issn("0031899x")
                .doi("https://doi.org/10.1103/PhysRev.47.777")
                .volume("47")
                .issue("10")
                .pages("777-780")
                .year(1935)
                .language("en")
                .build();

        assertThat(citation.issn()).isEqualTo("0031899x");
        assertThat(citation.doi()).isEqualTo("https://doi.org/10.1103/PhysRev.47.777");
        assertThat(citation.issnValue()).contains("0031-899X");
        assertThat(citation.doiKey()).contains("10.1103/physrev.47.777");
        assertThat(citation.titleKey())
                .isEqualTo("canquantummechanicaldescriptionofphysicalrealitybeconsideredcomplete");
        assertThat(citation.isbn13()).isEmpty();
    }

    @Test
    void derivesNothingFromInvalidOrMissingIdentifiers() {
        Citation citation = Citation.builder().issn("0317-8472").isbn("0306406153").doi("11.1/x").build();

        assertThat(citation.issnValue()).isEmpty();
        assertThat(citation.isbn13()).isEmpty();
        assertThat(citation.doiKey()).isEmpty();
        assertThat(citation.titleKey()).isEmpty();
    }

    @Test
    void derivesTheIsbn13OfABook() {
        Citation book = Citation.builder()
                .genre(CitationGenre.BOOK)
                .isbn("7-5053-9013-9")
                .language("zh")
                .build();

        assertThat(book.isbn13()).contains("9787505390133");
        assertThat(book.genre().returnable()).isTrue();
    }

    @Test
    void aCitationWithoutGenreIsUnknown() {
        assertThat(Citation.builder().build().genre()).isEqualTo(CitationGenre.UNKNOWN);
    }
}
