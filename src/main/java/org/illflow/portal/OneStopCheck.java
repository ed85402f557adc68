package org.illflow.portal;

import java.util.List;
import java.util.Optional;

import org.illflow.archive.ArchivedDocument;
import org.illflow.archive.DocumentArchive;
import org.illflow.catalog.Holding;
import org.illflow.catalog.HoldingsLookup;
import org.illflow.citation.Citation;
import org.springframework.stereotype.Service;

/**
 * Before a patron orders anything: is it already in the archive (delivered at once on submit), held by the
 * library (where), or likely in a self-service or open-access source? The patron may still submit.
 */
@Service
public class OneStopCheck {

    private final DocumentArchive archive;
    private final HoldingsLookup holdings;
    private final SelfServiceResources resources;

    OneStopCheck(DocumentArchive archive, HoldingsLookup holdings, SelfServiceResources resources) {
        this.archive = archive;
        this.holdings = holdings;
        this.resources = resources;
    }

    /** {@code catalogueUnavailable}: the live catalogue could not answer, the holding rests on imported data. */
    public record Result(boolean inArchive, Optional<Holding> holding, List<SelfServiceResource> suggestions,
            boolean catalogueUnavailable) {

        public Result(boolean inArchive, Optional<Holding> holding, List<SelfServiceResource> suggestions) {
            this(inArchive, holding, suggestions, false);
        }

        public boolean anything() {
            return inArchive || holding.isPresent() || !suggestions.isEmpty();
        }
    }

    public Result check(Citation citation) {
        boolean blank = (citation.title() == null || citation.title().isBlank()) && citation.doiKey().isEmpty()
                && citation.isbn13().isEmpty();
        if (blank) {
            return new Result(false, Optional.empty(), List.of());
        }
        boolean inArchive = !citation.genre().returnable()
                && archive.findDuplicate(citation).map(ArchivedDocument::id).isPresent();
        HoldingsLookup.Answer held = holdings.answer(citation);
        return new Result(inArchive, held.holding(), resources.likelyFor(citation), held.catalogueUnavailable());
    }
}
