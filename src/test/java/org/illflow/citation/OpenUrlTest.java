package org.illflow.citation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenUrlTest {

    private static OpenUrlRequest parse(String rawQuery) {
        return OpenUrl.parse(OpenUrl.parseQueryString(rawQuery));
    }

    @Nested
    class Version1 {

        @Test
        void readsThe360LinkArticleExample() {
            OpenUrlRequest request = parse("rft.atitle=global+warming&rft.jtitle=TCE&rft.au=Brent,+G"
                    + "&rft.date=2008-05-01&rft.issn=0302-0797&rft.issue=803&rft.spage=56&rft.epage=56");
            Citation citation = request.citation();

            assertThat(request.version()).isEqualTo(OpenUrlVersion.V1_0);
            assertThat(request.referrer()).isNull();
            assertThat(request.ignoredKeys()).isEmpty();
            // neither genre nor format is sent; the ISSN and jtitle show it is an article
            assertThat(citation.genre()).isEqualTo(CitationGenre.ARTICLE);
            assertThat(citation.title()).isEqualTo("global warming");
            assertThat(citation.journal()).isEqualTo("TCE");
            assertThat(citation.authors()).isEqualTo("Brent, G");
            assertThat(citation.year()).isEqualTo(2008);
            assertThat(citation.issn()).isEqualTo("0302-0797");
            assertThat(citation.issnValue()).contains("0302-0797");
            assertThat(citation.issue()).isEqualTo("803");
            assertThat(citation.pages()).isEqualTo("56");
        }

        @Test
        void infersTheGenreFromTheKeysWhenNeitherGenreNorFormatIsSent() {
            assertThat(parse("rft.isbn=0715630407").citation().genre()).isEqualTo(CitationGenre.BOOK);
            assertThat(parse("rft.eissn=1538-4357").citation().genre()).isEqualTo(CitationGenre.ARTICLE);
            Citation titleOnly = parse("rft.title=Something+to+find").citation();

            assertThat(titleOnly.genre()).isEqualTo(CitationGenre.UNKNOWN);
            assertThat(titleOnly.title()).isEqualTo("Something to find");
            assertThat(titleOnly.journal()).isNull();
        }

        @Test
        void readsThePrimoToIlliadBookExample() {
            OpenUrlRequest request = parse("Action=10&Form=30&rft.genre=book"
                    + "&rft.title=Property+and+wealth+in+classical+Sparta&rft.date=2000&rft.isbn=0715630407"
                    + "&rft.pub=Duckworth&rft.place=London&rfe_dat=44786349"
                    + "&rfr_id=info%3Asid%2Fprimo.exlibrisgroup.com-01NWU_ALMA");
            Citation citation = request.citation();

            assertThat(request.version()).isEqualTo(OpenUrlVersion.V1_0);
            assertThat(request.referrer()).isEqualTo("info:sid/primo.exlibrisgroup.com-01NWU_ALMA");
            assertThat(request.ignoredKeys()).containsExactly("Action", "Form", "rfe_dat");
            assertThat(citation.genre()).isEqualTo(CitationGenre.BOOK);
            assertThat(citation.genre().returnable()).isTrue();
            assertThat(citation.title()).isEqualTo("Property and wealth in classical Sparta");
            assertThat(citation.journal()).isNull();
            assertThat(citation.isbn()).isEqualTo("0715630407");
            assertThat(citation.isbn13()).contains("9780715630402");
            assertThat(citation.year()).isEqualTo(2000);
            assertThat(citation.publisher()).isEqualTo("Duckworth");
            assertThat(citation.place()).isEqualTo("London");
        }

        @Test
        void readsADoiOnlyLink() {
            OpenUrlRequest request = parse("ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal"
                    + "&rft_id=info%3Adoi%2F10.1103%2FPhysRev.47.777&rfr_id=info:sid/example.com:database");
            Citation citation = request.citation();

            assertThat(request.referrer()).isEqualTo("info:sid/example.com:database");
            assertThat(request.ignoredKeys()).isEmpty();
            assertThat(citation.genre()).isEqualTo(CitationGenre.ARTICLE);
            assertThat(citation.doi()).isEqualTo("10.1103/PhysRev.47.777");
            assertThat(citation.doiKey()).contains("10.1103/physrev.47.777");
            assertThat(citation.title()).isNull();
        }

        @Test
        void readsIdentifiersFromRepeatedRftIds() {
            Citation citation = parse("rft_val_fmt=info:ofi/fmt:kev:mtx:journal"
                    + "&rft_id=info%3Aoclcnum%2F1234567&rft_id=info%3Apmid%2F12345678"
                    + "&rft_id=urn%3AISSN%3A0031-899X&rft_id=https%3A%2F%2Fdoi.org%2F10.1103%2FPhysRev.47.777")
                    .citation();

            assertThat(citation.pmid()).isEqualTo("12345678");
            assertThat(citation.issn()).isEqualTo("0031-899X");
            assertThat(citation.doi()).isEqualTo("10.1103/PhysRev.47.777");
        }

        @Test
        void readsAnIsbnFromAUrn() {
            Citation citation = parse("rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft_id=urn%3AISBN%3A978-0-306-40615-7")
                    .citation();

            assertThat(citation.genre()).isEqualTo(CitationGenre.BOOK);
            assertThat(citation.isbn()).isEqualTo("978-0-306-40615-7");
        }

        @Test
        void putsAJournalTitleSentInRftTitleIntoTheJournal() {
            // EBSCO and ProQuest send the journal title in rft.title rather than rft.jtitle
            Citation citation = parse("url_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:journal"
                    + "&rft.genre=article"
                    + "&rft.atitle=A+statistical+interpretation+of+term+specificity+and+its+application+in+retrieval"
                    + "&rft.title=Journal+of+Documentation&rft.issn=0022-0418&rft.volume=28&rft.issue=1"
                    + "&rft.spage=11&rft.epage=21&rft.date=1972&rft.aulast=Sp%C3%A4rck+Jones&rft.aufirst=Karen"
                    + "&rfr_id=info%3Asid%2FEBSCO%3Alxh").citation();

            assertThat(citation.genre()).isEqualTo(CitationGenre.ARTICLE);
            assertThat(citation.title())
                    .isEqualTo("A statistical interpretation of term specificity and its application in retrieval");
            assertThat(citation.journal()).isEqualTo("Journal of Documentation");
            assertThat(citation.authors()).isEqualTo("Spärck Jones, Karen");
            assertThat(citation.pages()).isEqualTo("11-21");
            assertThat(citation.year()).isEqualTo(1972);
        }

        @Test
        void readsABookChapterFromTheBookFormat() {
            Citation citation = parse("rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=book"
                    + "&rft.atitle=Introduction&rft.btitle=Property+and+wealth+in+classical+Sparta"
                    + "&rft.isbn=0715630407&rft.pages=1-30").citation();

            assertThat(citation.genre()).isEqualTo(CitationGenre.CHAPTER);
            assertThat(citation.genre().returnable()).isFalse();
            assertThat(citation.title()).isEqualTo("Introduction");
            assertThat(citation.journal()).isEqualTo("Property and wealth in classical Sparta");
            assertThat(citation.pages()).isEqualTo("1-30");
        }

        @Test
        void aBookWhoseAtitleRepeatsTheBookTitleStaysABook() {
            Citation citation = parse("rft.genre=book&rft.atitle=Property+and+wealth+in+classical+Sparta."
                    + "&rft.btitle=Property+and+wealth+in+classical+Sparta").citation();

            assertThat(citation.genre()).isEqualTo(CitationGenre.BOOK);
            assertThat(citation.title()).isEqualTo("Property and wealth in classical Sparta");
        }

        @Test
        void readsAConferencePaper() {
            Citation citation = parse("rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=proceeding"
                    + "&rft.atitle=Attention+is+all+you+need"
                    + "&rft.btitle=Advances+in+Neural+Information+Processing+Systems+30&rft.spage=5998&rft.epage=6008"
                    + "&rft.date=2017").citation();

            assertThat(citation.genre()).isEqualTo(CitationGenre.PROCEEDING);
            assertThat(citation.title()).isEqualTo("Attention is all you need");
            assertThat(citation.journal()).isEqualTo("Advances in Neural Information Processing Systems 30");
            assertThat(citation.pages()).isEqualTo("5998-6008");
        }

        @Test
        void joinsSeveralAuthorsAndSkipsTheFirstAuthorRepeatedInRftAu() {
            Citation citation = parse("rft.genre=article&rft.aulast=Einstein&rft.aufirst=Albert"
                    + "&rft.au=Einstein,+Albert&rft.au=Podolsky,+Boris&rft.au=Nathan+Rosen").citation();

            assertThat(citation.authors()).isEqualTo("Einstein, Albert; Podolsky, Boris; Nathan Rosen");
        }

        @Test
        void usesInitialsAndCorporateAuthors() {
            Citation citation = parse("rft.genre=report&rft.aulast=Smith&rft.auinit=J.R."
                    + "&rft.aucorp=World+Health+Organization").citation();

            assertThat(citation.authors()).isEqualTo("Smith, J.R.; World Health Organization");
        }

        @Test
        void takesTheFirstFourDigitYearOfAnyDateForm() {
            assertThat(parse("rft.genre=article&rft.date=2006-05").citation().year()).isEqualTo(2006);
            assertThat(parse("rft.genre=article&rft.date=20060501").citation().year()).isEqualTo(2006);
            assertThat(parse("rft.genre=article&rft.pubdate=Spring+1998").citation().year()).isEqualTo(1998);
            assertThat(parse("rft.genre=article&rft.year=2006%E5%B9%B45%E6%9C%88").citation().year()).isEqualTo(2006);
            assertThat(parse("rft.genre=article&rft.date=n.d.").citation().year()).isNull();
        }

        @Test
        void fallsBackToRftPagesThenTheStartPageThenTheArticleNumber() {
            assertThat(parse("rft.genre=article&rft.pages=361-386&rft.spage=361").citation().pages())
                    .isEqualTo("361-386");
            assertThat(parse("rft.genre=article&rft.spage=361").citation().pages()).isEqualTo("361");
            assertThat(parse("rft.genre=article&rft.artnum=e1234").citation().pages()).isEqualTo("e1234");
        }

        @Test
        void ignoresUnknownKeysAndReportsThem() {
            OpenUrlRequest request = parse("url_ver=Z39.88-2004&ctx_enc=info%3Aofi%2Fenc%3AUTF-8"
                    + "&rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.jtitle=Nature&rft.coden=NATUAS"
                    + "&rft.externalDocID=123&utm_source=mail&rft.coden=NATUAS");

            assertThat(request.citation().journal()).isEqualTo("Nature");
            assertThat(request.ignoredKeys()).containsExactly("rft.coden", "rft.externalDocID", "utm_source");
        }

        @Test
        void keepsAMalformedIssnAsSentSoTheFormCanShowIt() {
            OpenUrlRequest request = parse("rft.genre=article&rft.issn=0317-8472&rft.isbn=12345&rft.doi=10.abc%2Fx"
                    + "&rft.spage=386&rft.epage=361");
            Citation citation = request.citation();

            assertThat(citation.issn()).isEqualTo("0317-8472");
            assertThat(citation.issnValue()).isEmpty();
            assertThat(citation.isbn()).isEqualTo("12345");
            assertThat(citation.doi()).isEqualTo("10.abc/x");
            assertThat(citation.pages()).isEqualTo("386-361");
        }

        @Test
        void decodesPercentEncodedChineseUtf8() {
            Citation citation = parse("url_ver=Z39.88-2004&ctx_enc=info%3Aofi%2Fenc%3AUTF-8&rft.genre=article"
                    + "&rft.atitle=%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0%EF%BC%9A%E7%BB%BC%E8%BF%B0"
                    + "&rft.jtitle=%E8%AE%A1%E7%AE%97%E6%9C%BA%E5%AD%A6%E6%8A%A5"
                    + "&rft.au=%E5%BC%A0%E4%B8%89").citation();

            assertThat(citation.title()).isEqualTo("机器学习：综述");
            assertThat(citation.titleKey()).isEqualTo(TitleKey.of("机器学习 综述"));
            assertThat(citation.journal()).isEqualTo("计算机学报");
            assertThat(citation.authors()).isEqualTo("张三");
        }

        @Test
        void trimsValuesAndTreatsEmptyOnesAsAbsent() {
            Citation citation = parse("rft.genre=article&rft.atitle=++Title++&rft.jtitle=&rft.volume=%20&rft.issue=2")
                    .citation();

            assertThat(citation.title()).isEqualTo("Title");
            assertThat(citation.journal()).isNull();
            assertThat(citation.volume()).isNull();
            assertThat(citation.issue()).isEqualTo("2");
        }

        @Test
        void acceptsKeysInAnyCase() {
            Citation citation = parse("RFT.GENRE=article&rft.ISSN=0302-0797").citation();

            assertThat(citation.genre()).isEqualTo(CitationGenre.ARTICLE);
            assertThat(citation.issn()).isEqualTo("0302-0797");
        }

        @Test
        void acceptsTheMapSpringBindsWithNullsInIt() {
            Map<String, List<String>> query = new LinkedHashMap<>();
            query.put("rft.genre", List.of("article"));
            query.put("rft.jtitle", null);
            query.put(null, List.of("x"));
            query.put("rft.atitle", Arrays.asList(null, "Second value wins"));

            assertThat(OpenUrl.parse(query).citation().title()).isEqualTo("Second value wins");
        }
    }

    @Nested
    class Version01 {

        @Test
        void readsAPubMedLinkOut() {
            OpenUrlRequest request = parse("sid=Entrez:PubMed&id=pmid:12345678");

            assertThat(request.version()).isEqualTo(OpenUrlVersion.V0_1);
            assertThat(request.referrer()).isEqualTo("Entrez:PubMed");
            assertThat(request.ignoredKeys()).isEmpty();
            assertThat(request.citation().pmid()).isEqualTo("12345678");
            assertThat(request.citation().genre()).isEqualTo(CitationGenre.ARTICLE);
        }

        @Test
        void readsTheDoajArticleExample() {
            OpenUrlRequest request = parse("genre=article&issn=13334395&date=2006&volume=5&issue=2&spage=165");
            Citation citation = request.citation();

            assertThat(request.version()).isEqualTo(OpenUrlVersion.V0_1);
            assertThat(citation.genre()).isEqualTo(CitationGenre.ARTICLE);
            assertThat(citation.issn()).isEqualTo("13334395");
            assertThat(citation.issnValue()).contains("1333-4395");
            assertThat(citation.year()).isEqualTo(2006);
            assertThat(citation.volume()).isEqualTo("5");
            assertThat(citation.issue()).isEqualTo("2");
            assertThat(citation.pages()).isEqualTo("165");
        }

        @Test
        void rewritesDoiIds() {
            Citation citation = parse("sid=example:db&id=doi:10.1103/PhysRev.47.777&genre=article").citation();

            assertThat(citation.doi()).isEqualTo("10.1103/PhysRev.47.777");
        }

        @Test
        void putsTitleIntoTheJournalForArticlesAndIntoTheTitleForBooks() {
            Citation article = parse("genre=article&title=Nature&atitle=Molecular+structure+of+nucleic+acids"
                    + "&aulast=Watson&aufirst=J.+D.").citation();
            Citation book = parse("genre=book&title=Property+and+wealth+in+classical+Sparta&isbn=0715630407")
                    .citation();
            Citation paper = parse("genre=proceeding&title=Proceedings+of+SIGIR+2019&atitle=A+paper").citation();

            assertThat(article.journal()).isEqualTo("Nature");
            assertThat(article.title()).isEqualTo("Molecular structure of nucleic acids");
            assertThat(article.authors()).isEqualTo("Watson, J. D.");
            assertThat(book.title()).isEqualTo("Property and wealth in classical Sparta");
            assertThat(book.journal()).isNull();
            assertThat(paper.journal()).isEqualTo("Proceedings of SIGIR 2019");
            assertThat(paper.title()).isEqualTo("A paper");
        }

        @Test
        void reportsKeysThatDoNotBelongToOpenUrl() {
            OpenUrlRequest request = parse("genre=article&issn=13334395&pid=private-data&coden=XYZ&foo=bar");

            assertThat(request.ignoredKeys()).containsExactly("pid", "coden", "foo");
        }

        @Test
        void aQueryWithNoKeysAtAllIsAnEmptyLegacyRequest() {
            OpenUrlRequest request = OpenUrl.parse(Map.of());

            assertThat(request.version()).isEqualTo(OpenUrlVersion.V0_1);
            assertThat(request.citation().genre()).isEqualTo(CitationGenre.UNKNOWN);
            assertThat(request.citation().title()).isNull();
        }
    }

    @Nested
    class QueryString {

        @Test
        void decodesFormEncodingAsUtf8KeepingOrderAndRepeatedKeys() {
            Map<String, List<String>> query = OpenUrl.parseQueryString(
                    "?rft.au=Brent,+G&rft.atitle=%E6%9C%BA%E5%99%A8&rft.au=Smith%2C%20J&flag&=orphan&&empty=");

            assertThat(query).containsExactly(
                    Map.entry("rft.au", List.of("Brent, G", "Smith, J")),
                    Map.entry("rft.atitle", List.of("机器")),
                    Map.entry("flag", List.of("")),
                    Map.entry("empty", List.of("")));
        }

        @Test
        void keepsAStrayPercentSignInsteadOfFailing() {
            assertThat(OpenUrl.parseQueryString("rft.atitle=100%+pure+%zz&x=%E6"))
                    .containsEntry("rft.atitle", List.of("100% pure %zz"))
                    .containsEntry("x", List.of("\uFFFD"));
        }

        @Test
        void anEmptyQueryHasNoParameters() {
            assertThat(OpenUrl.parseQueryString(null)).isEmpty();
            assertThat(OpenUrl.parseQueryString("")).isEmpty();
        }

        @Test
        void refusesAQueryLongerThanTheLimit() {
            String query = "rft.atitle=" + "a".repeat(100);

            assertThat(OpenUrl.parseQueryString(query, query.length())).containsKey("rft.atitle");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> OpenUrl.parseQueryString(query, query.length() - 1))
                    .withMessageContaining("111 characters")
                    .withMessageContaining("at most 110");
        }

        @Test
        void theDefaultLimitIsSixteenKilobytesSoLinksWithAbstractsStillRead() {
            String tenKilobytes = "rft.atitle=" + "a".repeat(10_000);
            assertThat(OpenUrl.parseQueryString(tenKilobytes).get("rft.atitle").get(0)).hasSize(10_000);

            String query = "rft.atitle=" + "a".repeat(OpenUrl.DEFAULT_MAX_QUERY_LENGTH);
            assertThatIllegalArgumentException().isThrownBy(() -> OpenUrl.parseQueryString(query));
        }
    }

    @Nested
    class WhatALinkCarries {

        @Test
        void controlCharactersInValuesAreDroppedAndLineBreaksBecomeSpaces() {
            Citation citation = parse("rft.atitle=Graphene%0D%0Aoxide%00%07+films&rft.jtitle=Carbon%1B%5B31m"
                    + "&rft.aulast=Li%C2%85&rft.issn=0008-6223%09&rft.date=2020%7F").citation();

            assertThat(citation.title()).isEqualTo("Graphene oxide films");
            assertThat(citation.journal()).isEqualTo("Carbon[31m");
            assertThat(citation.authors()).isEqualTo("Li");
            assertThat(citation.issn()).isEqualTo("0008-6223");
            assertThat(citation.year()).isEqualTo(2020);
        }

        @Test
        void aPubMedLinkOutKeepsItsPmidAndSource() {
            OpenUrlRequest request = parse("sid=Entrez:PubMed&id=pmid:31452104");

            assertThat(request.citation().pmid()).isEqualTo("31452104");
            assertThat(request.citation().title()).isNull();
            assertThat(OpenUrl.sourceDatabase(request.referrer())).isEqualTo("Entrez:PubMed");
        }

        @Test
        void aChapterKeepsItsBooksIsbnAndAnArticleItsEissn() {
            Citation chapter = parse("rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=bookitem&rft.atitle=Introduction"
                    + "&rft.btitle=Handbook+of+catalysis&rft.isbn=978-0-306-40615-7").citation();
            assertThat(chapter.genre()).isEqualTo(CitationGenre.CHAPTER);
            assertThat(chapter.isbn()).isEqualTo("978-0-306-40615-7");

            Citation article = parse("rft_val_fmt=info:ofi/fmt:kev:mtx:journal&rft.atitle=Stars"
                    + "&rft.jtitle=The+Astrophysical+Journal&rft.issn=0004-637X&rft.eissn=1538-4357").citation();
            assertThat(article.issn()).isEqualTo("0004-637X");
            assertThat(article.eissn()).isEqualTo("1538-4357");
        }

        @Test
        void theSourceDatabaseIsTheReferrerWithoutItsSchemeAndWithoutControls() {
            assertThat(OpenUrl.sourceDatabase("info:sid/primo.exlibrisgroup.com-01NWU_ALMA"))
                    .isEqualTo("primo.exlibrisgroup.com-01NWU_ALMA");
            assertThat(OpenUrl.sourceDatabase("INFO:SID/www.cnki.net:CJFD\u0000\n")).isEqualTo("www.cnki.net:CJFD");
            assertThat(OpenUrl.sourceDatabase("  ")).isNull();
            assertThat(OpenUrl.sourceDatabase(null)).isNull();
            assertThat(OpenUrl.sourceDatabase("x".repeat(300))).hasSize(OpenUrl.MAX_SOURCE_LENGTH);
        }
    }
}
