package org.illflow.catalog;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the library's holdings. A file replaces everything previously imported from the same source (a
 * provider's KBART list, a catalogue export), so a re-import after a subscription change is exact. A KBART list
 * named {@code Provider_Package_YYYY-MM-DD.txt} also replaces the older lists of the same provider and package (a
 * title the provider dropped is no longer held), and a MARC record already loaded from another file (the same
 * export as {@code .mrc} and {@code .xml}) is replaced rather than doubled. Rows the readers could not parse are
 * reported back by line (KBART) or record number (MARC); the good rows import.
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

    /**
     * What an import did.
     *
     * @param imported   rows (KBART coverage periods) or holdings (MARC copies) stored
     * @param titles     distinct titles (KBART, by ISSN or title) or records (MARC)
     * @param embargoes  KBART coverage periods with an embargo
     * @param replaced   files whose rows this import replaced (older lists of the package, other files with the
     *                   same MARC records), with how many rows each had
     * @param dropped    KBART titles the replaced lists had and this one has not (no longer held), at most 20
     * @param droppedCount how many titles were dropped in all
     */
    public record Result(String source, int imported, List<ImportProblem> problems, int titles, int embargoes,
            Map<String, Integer> replaced, List<String> dropped, int droppedCount) {

        public Result {
            problems = List.copyOf(problems);
            replaced = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replaced));
            dropped = List.copyOf(dropped);
        }
    }

    /** A list older than the one already loaded for its package: importing it would bring back dropped titles. */
    public static final class OlderListException extends RuntimeException {
        private final String loaded;

        OlderListException(String loaded) {
            super("a newer list of this package is loaded: " + loaded);
            this.loaded = loaded;
        }

        public String loaded() {
            return loaded;
        }
    }

    @Transactional
    public Result importKbart(String source, byte[] content) {
        KbartImport parsed = KbartReader.read(new ByteArrayInputStream(content));
        Instant now = clock.instant();
        KbartFileName fileName = KbartFileName.of(source).orElse(null);
        Map<String, Integer> replaced = new TreeMap<>();
        Map<String, String> previousTitles = new LinkedHashMap<>();
        if (fileName != null) {
            List<EJournalHolding> previous = ejournals.findByPackageKey(fileName.packageKey());
            Optional<EJournalHolding> newer = previous.stream().filter(h -> !h.getSource().equals(source))
                    .filter(h -> h.getListDate() != null && h.getListDate().isAfter(fileName.listDate())).findFirst();
            if (newer.isPresent()) {
                throw new OlderListException(newer.get().getSource());
            }
            for (EJournalHolding h : previous) {
                previousTitles.putIfAbsent(h.titleIdentity(), h.getTitle());
                if (!h.getSource().equals(source)) {
                    replaced.merge(h.getSource(), 1, Integer::sum);
                }
            }
            ejournals.deleteByPackageKey(fileName.packageKey());
        }
        ejournals.deleteBySource(source);
        List<EJournalHolding> rows = parsed.titles().stream().map(t -> new EJournalHolding(source, fileName, t, now))
                .toList();
        ejournals.saveAll(rows);

        Set<String> titles = new LinkedHashSet<>();
        rows.forEach(h -> titles.add(h.titleIdentity()));
        List<String> dropped = new ArrayList<>();
        if (!replaced.isEmpty()) {
            previousTitles.forEach((identity, title) -> {
                if (!titles.contains(identity)) {
                    dropped.add(title);
                }
            });
        }
        int embargoes = (int) parsed.titles().stream().filter(t -> !t.embargo().isNone()).count();
        return new Result(source, rows.size(), parsed.problems(), titles.size(), embargoes, replaced,
                dropped.subList(0, Math.min(20, dropped.size())), dropped.size());
    }

    @Transactional
    public Result importMarc(String source, byte[] content) {
        MarcImport parsed = MarcHoldingsReader.read(new ByteArrayInputStream(content));
        Instant now = clock.instant();
        prints.deleteAll(prints.findBySource(source));
        prints.flush();
        // one copy once: repeated in this file or already loaded from another file
        Map<String, PrintHolding> unique = new LinkedHashMap<>();
        parsed.holdings().forEach(h -> unique.putIfAbsent(PrintHoldingRecord.keyOf(h), h));
        Map<String, Integer> replaced = new TreeMap<>();
        List<String> keys = new ArrayList<>(unique.keySet());
        for (int start = 0; start < keys.size(); start += 500) {
            List<PrintHoldingRecord> same = prints.findByHoldingKeyIn(keys.subList(start,
                    Math.min(keys.size(), start + 500)));
            same.forEach(h -> replaced.merge(h.getSource(), 1, Integer::sum));
            prints.deleteAll(same);
        }
        prints.flush();
        prints.saveAll(unique.values().stream().map(h -> new PrintHoldingRecord(source, h, now)).toList());
        Set<String> records = new LinkedHashSet<>();
        unique.values().forEach(h -> records.add(h.recordId() != null ? h.recordId()
                : org.illflow.citation.TitleKey.of(h.title())));
        return new Result(source, unique.size(), parsed.problems(), records.size(), 0, replaced, List.of(), 0);
    }

    @Transactional(readOnly = true)
    public boolean hasSource(String source) {
        return ejournals.countBySource(source) > 0 || prints.countBySource(source) > 0;
    }
}
