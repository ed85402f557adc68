package org.illflow.request;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.illflow.patron.Patron;
import org.illflow.patron.PatronDirectory;
import org.illflow.patron.PatronType;
import org.illflow.system.ApiRefusal;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patron limits, the same for articles and books: open requests at a time, requests per calendar year and the
 * year's budget (what the library pays for a patron's requests), per patron type or per college within a type.
 *
 * <p>The count limits refuse a new request at the door (portal, API, staff start form). {@link #lockAndCheck}
 * counts under a row lock on the patron, held until the new request's transaction ends, so concurrent
 * submissions of one patron are counted one after the other and a limit of N never lets N+1 open requests in —
 * on H2 and PostgreSQL, on one node or several. The budget: once a patron's requests this year have cost the
 * budget or more, a new one goes to an admin's approval before anything is ordered, or is refused (a setting).
 */
@Service
@Transactional
public class PatronLimits {

    static final String OPEN_REACHED = "limits.open.reached";
    static final String YEAR_REACHED = "limits.year.reached";
    static final String BUDGET_SPENT = "limits.budget.spent";

    /** H2 gives up on a row lock after its lock timeout; another submission of the patron is short: try again. */
    private static final int LOCK_ATTEMPTS = 30;

    private final PatronLimitRepository limits;
    private final RequestPolicyRepository policies;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PatronDirectory patrons;

    PatronLimits(PatronLimitRepository limits, RequestPolicyRepository policies, JdbcTemplate jdbc, Clock clock,
            PatronDirectory patrons) {
        this.patrons = patrons;
        this.limits = limits;
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A patron's use against their limits this calendar year (null limit: none). */
    public record Usage(int year, long open, Integer maxOpen, long thisYear, Integer maxPerYear, BigDecimal spent,
            BigDecimal budget) {

        public boolean openReached() {
            return maxOpen != null && open >= maxOpen;
        }

        public boolean yearReached() {
            return maxPerYear != null && thisYear >= maxPerYear;
        }

        public boolean budgetSpent() {
            return budget != null && spent.compareTo(budget) >= 0;
        }
    }

    /** The limits for this patron: their college's row within their type, else their type's, else none. */
    @Transactional(readOnly = true)
    public Optional<PatronLimit> limitFor(PatronType type, String college) {
        return limits.findByPatronTypeAndCollege(type.name(), college == null ? "" : college.strip())
                .or(() -> limits.findByPatronTypeAndCollege(type.name(), PatronLimit.EVERY_COLLEGE));
    }

    @Transactional(readOnly = true)
    public Usage usageOf(Patron patron) {
        Optional<PatronLimit> limit = limitFor(patron.getPatronType(), patron.getCollege());
        int year = LocalDate.now(clock).getYear();
        OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime to = LocalDate.of(year + 1, 1, 1).atStartOfDay(clock.getZone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        String card = patron.getCardNumber();
        long open = count("select count(*) from document_delivery_request where patron_card_number = ?"
                + " and closed_at is null", card)
                + count("select count(*) from loan_request where patron_card_number = ? and closed_at is null", card);
        long thisYear = count("select count(*) from document_delivery_request where patron_card_number = ?"
                + " and submitted_at >= ? and submitted_at < ?", card, from, to)
                + count("select count(*) from loan_request where patron_card_number = ?"
                        + " and submitted_at >= ? and submitted_at < ?", card, from, to);
        BigDecimal spent = sum("select coalesce(sum(cost), 0) from document_delivery_request"
                + " where patron_card_number = ? and submitted_at >= ? and submitted_at < ?", card, from, to)
                .add(sum("select coalesce(sum(coalesce(borrowing_fee, 0) + coalesce(shipping_cost, 0)), 0)"
                        + " from loan_request where patron_card_number = ? and submitted_at >= ? and submitted_at < ?",
                        card, from, to)).setScale(2, java.math.RoundingMode.HALF_UP);
        return new Usage(year, open, limit.map(PatronLimit::getMaxOpen).orElse(null), thisYear,
                limit.map(PatronLimit::getMaxPerYear).orElse(null), spent,
                limit.map(PatronLimit::getYearlyBudget).orElse(null));
    }

    /** Refuses a new request over a count limit, or over the budget when the library refuses those (409). */
    @Transactional(readOnly = true)
    public void check(Patron patron) {
        Usage usage = usageOf(patron);
        if (usage.openReached()) {
            throw new ApiRefusal(409, OPEN_REACHED, "You have " + usage.open() + " open requests, the limit is "
                    + usage.maxOpen() + ".", usage.open(), usage.maxOpen());
        }
        if (usage.yearReached()) {
            throw new ApiRefusal(409, YEAR_REACHED, "You have sent " + usage.thisYear() + " requests in "
                    + usage.year() + ", the limit is " + usage.maxPerYear() + ".", usage.thisYear(),
                    usage.maxPerYear(), usage.year());
        }
        if (usage.budgetSpent() && overBudget() == OverLimit.REFUSE) {
            throw new ApiRefusal(409, BUDGET_SPENT, "Your requests this year have cost " + usage.spent()
                    + " CNY of a budget of " + usage.budget() + " CNY.", usage.spent(), usage.budget());
        }
    }

    /**
     * {@link #check} under a lock on the patron's row, inside the transaction that records the new request: a
     * concurrent submission of the same patron waits here until this one has committed, then counts it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockAndCheck(Patron patron) {
        lockPatron(patron.getCardNumber());
        check(patron);
    }

    private void lockPatron(String card) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.queryForList("select id from patron where card_number = ? for update", Long.class, card);
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The check before ordering or borrowing: once the patron's requests this year have cost their budget or more,
     * a new one needs an admin's approval, or is refused (the library's setting).
     */
    @Transactional(readOnly = true)
    public LimitVerdict budgetVerdict(String cardNumber) {
        Optional<Patron> patron = patrons.byCardNumber(cardNumber);
        if (patron.isEmpty()) {
            return LimitVerdict.within();
        }
        Usage usage = usageOf(patron.get());
        return usage.budgetSpent() ? LimitVerdict.within().and("经费预算 / budget: 本年度已用 " + usage.spent()
                + " 元，预算 " + usage.budget() + " 元 / spent " + usage.spent() + " of a yearly budget of "
                + usage.budget() + " CNY", overBudget()) : LimitVerdict.within();
    }

    @Transactional(readOnly = true)
    public OverLimit overBudget() {
        return policies.findById(RequestPolicy.LIBRARY).map(RequestPolicy::getOverBudget).orElse(OverLimit.APPROVAL);
    }

    public void overBudget(OverLimit choice) {
        policies.findById(RequestPolicy.LIBRARY).orElseThrow().overBudget(choice);
    }

    @Transactional(readOnly = true)
    public List<PatronLimit> all() {
        return limits.findAllByOrderByPatronTypeAscCollegeAsc();
    }

    /** Sets the limits of a patron type (college blank) or of a college within it. */
    public PatronLimit save(PatronType type, String college, Integer maxOpen, Integer maxPerYear,
            BigDecimal yearlyBudget) {
        String where = college == null ? PatronLimit.EVERY_COLLEGE : college.strip();
        PatronLimit limit = limits.findByPatronTypeAndCollege(type.name(), where)
                .orElseGet(() -> limits.save(new PatronLimit(type.name(), where)));
        limit.change(maxOpen, maxPerYear, yearlyBudget);
        return limit;
    }

    public void remove(long id) {
        limits.deleteById(id);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private BigDecimal sum(String sql, Object... args) {
        BigDecimal n = jdbc.queryForObject(sql, BigDecimal.class, args);
        return n == null ? BigDecimal.ZERO : n;
    }
}
