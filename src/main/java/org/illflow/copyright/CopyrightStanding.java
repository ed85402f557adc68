package org.illflow.copyright;

import org.illflow.request.OverLimit;

/**
 * Where a request stands under the copyright rule: the copy it would be ({@code nth}: copies of the journal
 * already delivered this calendar year, of recent articles, plus this one), against the warning threshold and
 * the limit that apply to its journal.
 */
public record CopyrightStanding(Level level, String journalKey, int nth, int warnAt, int limit, int recentYears,
        int year, OverLimit whenOver) {

    public enum Level {
        /** Not counted: the rule is switched off, the request gives no ISSN, or the title is open access. */
        NOT_COUNTED,
        /** Open access: never counted against. */
        OPEN_ACCESS,
        /** The article is older than the journal's recent years the rule covers. */
        NOT_RECENT,
        WITHIN,
        /** At or past the warning threshold: staff confirm on the Order form. */
        WARN,
        /** Past the limit: an admin approves, or the request is refused (a setting). */
        OVER_LIMIT
    }

    static CopyrightStanding notCounted(Level why, String journalKey, int year) {
        return new CopyrightStanding(why, journalKey, 0, 0, 0, 0, year, null);
    }

    /** Staff must tick "confirmed" on the Order form. */
    public boolean needsConfirmation() {
        return level == Level.WARN || level == Level.OVER_LIMIT;
    }

    public boolean isOverLimit() {
        return level == Level.OVER_LIMIT;
    }

    /** For staff: "本年度第 6 份 (0028-0836，近 5 年文章；提醒 5，上限 5)". */
    public String describe() {
        return switch (level) {
            case NOT_COUNTED -> "不计入版权统计 / Not counted (no ISSN or copyright control off)";
            case OPEN_ACCESS -> journalKey + "：开放获取，不计数 / open access, not counted";
            case NOT_RECENT -> journalKey + "：文章早于近 " + recentYears + " 年，不计数 / older than the last "
                    + recentYears + " years, not counted";
            default -> journalKey + "：" + year + " 年第 " + nth + " 份（近 " + recentYears + " 年文章；提醒 " + warnAt
                    + "，上限 " + limit + "）/ copy " + nth + " in " + year + " (articles of the last " + recentYears
                    + " years; warn at " + warnAt + ", limit " + limit + ")";
        };
    }
}
