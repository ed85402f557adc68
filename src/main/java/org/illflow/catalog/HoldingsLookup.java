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

    HoldingsLookup(EJournalHoldingRepository ejournals, PrintHoldingRepository prints, Clock clock) {
        this.ejournals = ejournals;
        this.prints = prints;
        this.clock = clock;
    }

    public Optional<Holding> find(Citation citation) {
        LocalDate today = LocalDate.now(clock);
        List<String> issns = new ArrayList<>();
        citation.issnValue().ifPresent(issns::add);
        Issn.tryParse(citation.eissn()).map(Issn::value).ifPresent(issns::add);

        if (!issns.isEmpty() && citation.year() != null) {
            Optional<Holding> online = ejournals.findByIssn(issns).stream()
                    .filter(h -> h.covers(citation.year(), today)).findFirst().map(h -> online(h, "ISSN"));
            if (online.isPresent()) {
                return online;
            }
        }
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
