package org.illflow.catalog;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the imported KBART lists say about a journal beyond its holding: its print ISSN and eISSN belong together
 * (a row that gives both), and whether the provider lists it as free (access_type F, open access).
 */
@Service
@Transactional(readOnly = true)
public class JournalIdentities {

    private final EJournalHoldingRepository ejournals;

    JournalIdentities(EJournalHoldingRepository ejournals) {
        this.ejournals = ejournals;
    }

    /** The given ISSNs and every ISSN a KBART row pairs with one of them. */
    public Set<String> withPairs(Collection<String> issns) {
        Set<String> all = new LinkedHashSet<>(issns);
        if (!issns.isEmpty()) {
            for (Object[] pair : ejournals.issnPairs(issns)) {
                all.add((String) pair[0]);
                all.add((String) pair[1]);
            }
        }
        return all;
    }

    /** Does an imported list give one of these ISSNs as free to read (KBART access_type F)? */
    public boolean listedAsOpenAccess(Collection<String> issns) {
        return !issns.isEmpty() && ejournals.anyFreeByIssn(issns);
    }
}
