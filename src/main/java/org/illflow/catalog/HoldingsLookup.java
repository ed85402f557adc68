package org.illflow.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.illflow.citation.Citation;
import org.illflow.citation.Issn;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Does the library already hold what a patron asks for? Checked before anything is ordered: by ISSN/eISSN
 * and year within an e-journal's coverage (embargo applied, as of today), by ISBN among print holdings,
 * and finally by normalised title.
 */
@Service
@Transactional(readOnly = true)
public class HoldingsLookup {

    private final EJournalHoldingRepository ejournals;
    private final PrintHoldingRepository prints;
    private final Clock clock;
    private final SruCatalog catalogue;

    HoldingsLookup(EJournalHoldingRepository ejournals, PrintHoldingRepository prints, Clock clock,
            SruCatalog catalogue) {
        this.ejournals = ejournals;
        this.prints = prints;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    /**
     * A holding and whether the live catalogue answered: {@code catalogue} is OFF when none is configured,
     * UNAVAILABLE when it is down, slow or answered with a diagnostic (the answer then rests on imported holdings).
     */
    public record Answer(Optional<Holding> holding, SruCatalog.Answer.Status catalogue) {

        public boolean catalogueUnavailable() {
            return catalogue == SruCatalog.Answer.Status.UNAVAILABLE;
        }
    }

    public Optional<Holding> find(Citation citation) {
        return answer(citation).holding();
    }

    /**
     * Subscribed e-journals first (imported KBART coverage), then the live catalogue over SRU when one is
     * configured (print holdings with their call numbers), then the imported print holdings — which are also the
     * fallback when the catalogue cannot answer.
     */
    public Answer answer(Citation citation) {
        Optional<Holding> online = onlineByIssn(citation);
        if (online.isPresent()) {
            return new Answer(online, catalogue.enabled() ? SruCatalog.Answer.Status.MISS
                    : SruCatalog.Answer.Status.OFF);
        }
        SruCatalog.Answer live = catalogue.lookup(citation);
        if (live.status() == SruCatalog.Answer.Status.HIT) {
            PrintHolding h = live.holdings().get(0);
            return new Answer(Optional.of(new Holding(Holding.Kind.PRINT, h.title(), null, h.callNumber(),
                    h.location(), "CATALOGUE")), live.status());
        }
        return new Answer(imported(citation), live.status());
    }

    private Optional<Holding> onlineByIssn(Citation citation) {
        LocalDate today = LocalDate.now(clock);
        List<String> issns = issns(citation);
        if (!issns.isEmpty() && citation.year() != null) {
            return ejournals.findByIssn(issns).stream()
                    .filter(h -> h.covers(citation.year(), today)).findFirst().map(h -> online(h, "ISSN"));
        }
        return Optional.empty();
    }

    private static List<String> issns(Citation citation) {
        List<String> issns = new ArrayList<>();
        citation.issnValue().ifPresent(issns::add);
        Issn.tryParse(citation.eissn()).map(Issn::value).ifPresent(issns::add);
        return issns;
    }

    /** The imported print holdings by ISBN, then ISSN, then titles (e-journals by title too). */
    private Optional<Holding> imported(Citation citation) {
        LocalDate today = LocalDate.now(clock);
        List<String> issns = issns(citation);
        Optional<String> isbn = citation.isbn13();
        if (isbn.isPresent()) {
            Optional<Holding> print = prints.findByIdentifier(List.of(isbn.get())).stream().findFirst()
                    .map(h -> print(h, "ISBN"));
            if (print.isPresent()) {
                return print;
            }
        }
        if (!issns.isEmpty()) {
            Optional<Holding> printJournal = prints.findByIdentifier(issns).stream().findFirst()
                    .map(h -> print(h, "ISSN"));
            if (printJournal.isPresent()) {
                return printJournal;
            }
        }
        return byTitle(citation, today);
    }

    /** Articles match an e-journal by the journal's title; books match print holdings by their own title. */
    private Optional<Holding> byTitle(Citation citation, LocalDate today) {
        String journalKey = org.illflow.citation.TitleKey.of(citation.journal());
        if (!journalKey.isEmpty() && citation.year() != null) {
            Optional<Holding> online = ejournals.findByTitleKey(journalKey).stream()
                    .filter(h -> h.covers(citation.year(), today)).findFirst().map(h -> online(h, "TITLE"));
            if (online.isPresent()) {
                return online;
            }
        }
        String titleKey = citation.titleKey();
        if (!titleKey.isEmpty() && citation.genre().returnable()) {
            return prints.findByTitleKey(titleKey).stream().findFirst().map(h -> print(h, "TITLE"));
        }
        return Optional.empty();
    }

    private static Holding online(EJournalHolding h, String matchedBy) {
        return new Holding(Holding.Kind.E_JOURNAL, h.getTitle(), h.getTitleUrl(), null, null, matchedBy,
                new Holding.Coverage(h.getFirstDate() == null ? null : h.getFirstDate().getYear(),
                        h.getLastDate() == null ? null : h.getLastDate().getYear(), Embargo.parse(h.getEmbargo()).parts()));
    }

    private static Holding print(PrintHoldingRecord h, String matchedBy) {
        return new Holding(Holding.Kind.PRINT, h.getTitle(), null, h.getCallNumber(), h.getLocation(), matchedBy);
    }
}
