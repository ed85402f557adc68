package org.illflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.illflow.citation.Citation;
import org.illflow.citation.CitationGenre;
import org.illflow.support.IllflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request for an article already in the archive is answered from it: found by DOI however typed, or by title,
 * year and journal, but never confused with another article of a similar (or the same) title.
 */
@IllflowTest
class ArchiveDuplicateTest {

    @Autowired DocumentArchive archive;

    private static Citation.Builder article(String title) {
        return Citation.builder().genre(CitationGenre.ARTICLE).title(title);
    }

    private ArchivedDocument archived(Citation citation, String requestNumber) {
        return archive.store(Pdfs.pdf(1), ArchiveEntry.of(citation, "NSTL", new BigDecimal("8.00"), requestNumber));
    }

    @Test
    void theSameDoiTypedDifferentlyIsFound() {
        ArchivedDocument stored = archived(article("Resolving identifiers").doi("doi:10.1000/ABC").build(),
                "DD-2026-200001");
        assertThat(stored.doiKey()).isEqualTo("10.1000/abc");

        assertThat(archive.findDuplicate(article("whatever the patron typed")
                .doi("https://doi.org/10.1000/abc").build())).map(ArchivedDocument::id).contains(stored.id());
        assertThat(archive.findDuplicate(article(null).doi("10.1000/Abc.").build()))
                .map(ArchivedDocument::id).contains(stored.id());
        assertThat(archive.findDuplicate(article(null).doi("10.1000/abcd").build())).isEmpty();
    }

    @Test
    void theSameTitleTypedFullWidthWithYearAndIssnIsFound() {
        ArchivedDocument stored = archived(article("Deep Learning for Interlibrary Loan Routing")
                .journal("Journal of Library Automation").issn("0317-8471").year(2021).build(), "DD-2026-200002");

        Citation fullWidth = article("Ｄｅｅｐ　Ｌｅａｒｎｉｎｇ　ｆｏｒ　Ｉｎｔｅｒｌｉｂｒａｒｙ　Ｌｏａｎ　Ｒｏｕｔｉｎｇ")
                .issn("03178471").year(2021).build();
        assertThat(archive.findDuplicate(fullWidth)).map(ArchivedDocument::id).contains(stored.id());
        // the e-ISSN field holding the archived ISSN counts as well
        assertThat(archive.findDuplicate(article("deep learning for interlibrary-loan routing.")
                .eissn("0317-8471").year(2021).build())).map(ArchivedDocument::id).contains(stored.id());
    }

    @Test
    void aDifferentArticleWithASimilarTitleInTheSameJournalAndYearIsNotFound() {
        archived(article("Open Access and Document Delivery").journal("Serials Review").issn("0028-0836")
                .year(2022).build(), "DD-2026-200003");

        for (String similar : new String[] {"Open Access and Document Delivery: A Reply",
                "Open Access and Document Delivery in China", "Open Access and Interlibrary Document Delivery",
                "Open Access or Document Delivery"}) {
            assertThat(archive.findDuplicate(article(similar).journal("Serials Review").issn("0028-0836")
                    .year(2022).build())).as(similar).isEmpty();
        }
    }

    @Test
    void theSameTitleInAnotherYearOrAnotherJournalIsNotFound() {
        archived(article("Annual Survey of Resource Sharing").journal("Interlending & Document Supply")
                .issn("0036-8075").year(2019).build(), "DD-2026-200004");

        assertThat(archive.findDuplicate(article("Annual Survey of Resource Sharing")
                .journal("Interlending & Document Supply").issn("0036-8075").year(2020).build())).isEmpty();
        assertThat(archive.findDuplicate(article("Annual Survey of Resource Sharing").issn("1234-5679")
                .year(2019).build())).isEmpty();
        assertThat(archive.findDuplicate(article("Annual Survey of Resource Sharing").journal("Another Journal")
                .year(2019).build())).isEmpty();
        // no year, or neither ISSN nor journal: too little to call it the same article
        assertThat(archive.findDuplicate(article("Annual Survey of Resource Sharing").issn("0036-8075").build()))
                .isEmpty();
        assertThat(archive.findDuplicate(article("Annual Survey of Resource Sharing").year(2019).build()))
                .isEmpty();
    }

    @Test
    void withoutIssnTheJournalTitleDecides() {
        ArchivedDocument stored = archived(article("图书馆文献传递服务研究").journal("中国图书馆学报").year(2018).build(),
                "DD-2026-200005");

        assertThat(archive.findDuplicate(article("图书馆 文献传递 服务研究").journal("中国图书馆学报 ").year(2018).build()))
                .map(ArchivedDocument::id).contains(stored.id());
        // the patron knows the ISSN, the archived copy's citation did not: the journal title still decides
        assertThat(archive.findDuplicate(article("图书馆文献传递服务研究").journal("中国图书馆学报").issn("1234-5679")
                .year(2018).build())).map(ArchivedDocument::id).contains(stored.id());
        assertThat(archive.findDuplicate(article("图书馆文献传递服务研究").journal("大学图书馆学报").year(2018).build()))
                .isEmpty();
    }

    @Test
    void articlesOfTheSameTitleInOneVolumeAreToldApartByFirstPageAndVolume() {
        ArchivedDocument editorial = archived(article("Editorial").journal("Library Hi Tech").issn("0737-8831")
                .year(2015).volume("33").issue("1").pages("1-2").build(), "DD-2026-200006");

        Citation.Builder sameJournal = article("Editorial").journal("Library Hi Tech").issn("0737-8831").year(2015);
        assertThat(archive.findDuplicate(sameJournal.volume("Vol. 33").pages("p. 1-2").build()))
                .map(ArchivedDocument::id).contains(editorial.id());
        assertThat(archive.findDuplicate(sameJournal.volume("33").pages("201-202").build())).isEmpty();
        assertThat(archive.findDuplicate(sameJournal.volume("34").pages("1-2").build())).isEmpty();
        // what the patron does not know does not rule it out
        assertThat(archive.findDuplicate(sameJournal.volume(null).pages(null).build()))
                .map(ArchivedDocument::id).contains(editorial.id());
    }

    @Test
    void anotherDoiRulesOutATitleMatch() {
        archived(article("Corrigendum").journal("Nature").issn("0028-0836").year(2020).doi("10.1038/corr-1").build(),
                "DD-2026-200007");

        assertThat(archive.findDuplicate(article("Corrigendum").journal("Nature").issn("0028-0836").year(2020)
                .doi("10.1038/corr-2").build())).isEmpty();
        assertThat(archive.findDuplicate(article("Corrigendum").journal("Nature").issn("0028-0836").year(2020)
                .build())).isPresent();
    }
}
