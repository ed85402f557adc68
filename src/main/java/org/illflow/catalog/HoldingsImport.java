package org.illflow.catalog;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the library's holdings. A file replaces everything previously imported from the same source (a
 * provider's KBART list, a catalogue export), so a re-import after a subscription change is exact. Rows the
 * readers could not parse are reported back by line (KBART) or record number (MARC); the good rows import.
 */
@Service
public class HoldingsImport {

    private final EJournalHoldingRepository ejournals;
    private final PrintHoldingRepository prints;
    private final Clock clock;

    HoldingsImport(EJournalHoldingRepository ejournals, PrintHoldingRepository prints, Clock clock) {
        this.ejournals = ejournals;
        this.prints = prints;
        this.clock = clock;
    }

    public record Result(String source, int imported, List<ImportProblem> problems) {
    }

    @Transactional
    public Result importKbart(String source, byte[] content) {
        KbartImport parsed = KbartReader.read(new ByteArrayInputStream(content));
        Instant now = clock.instant();
        ejournals.deleteBySource(source);
        ejournals.saveAll(parsed.titles().stream().map(t -> new EJournalHolding(source, t, now)).toList());
        return new Result(source, parsed.titles().size(), parsed.problems());
    }

    @Transactional
    public Result importMarc(String source, byte[] content) {
        MarcImport parsed = MarcHoldingsReader.read(new ByteArrayInputStream(content));
        Instant now = clock.instant();
        prints.deleteAll(prints.findBySource(source));
        prints.flush();
        prints.saveAll(parsed.holdings().stream().map(h -> new PrintHoldingRecord(source, h, now)).toList());
        return new Result(source, parsed.holdings().size(), parsed.problems());
    }

    @Transactional(readOnly = true)
    public boolean hasSource(String source) {
        return ejournals.countBySource(source) > 0 || prints.countBySource(source) > 0;
    }
}
