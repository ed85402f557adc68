package org.illflow.support;

import java.util.concurrent.atomic.AtomicLong;

/** Valid ISSNs no other test uses (journals counted by copyright control start with no copies). */
public final class TestIssns {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private TestIssns() {
    }

    /** Seven digits in the 9xxxxxx range and their check digit. */
    public static String next() {
        String digits = String.format("%07d", 9_000_000 + SEQ.incrementAndGet() % 1_000_000);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (digits.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        return digits.substring(0, 4) + "-" + digits.substring(4) + (check == 10 ? "X" : String.valueOf(check));
    }
}
