package org.illflow.calendar;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo library's working-day calendar on the embedded default: 2026 after the State Council's notice and a
 * 2027 placeholder (statutory days only) that admins must replace. A year that already has entries is left alone.
 */
@Component
@Order(35)
@ConditionalOnProperty(name = "illflow.demo-data.enabled", havingValue = "true")
class DemoCalendar implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCalendar.class);
    static final String[][] YEARS = {{"2026", "demo/calendar/china-2026.csv"}, {"2027", "demo/calendar/china-2027.csv"}};

    private final WorkingCalendar calendar;

    DemoCalendar(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (String[] year : YEARS) {
            if (calendar.year(Integer.parseInt(year[0])).isEmpty()) {
                WorkingCalendar.ImportResult result = calendar.importCsv(read(year[1]));
                if (!result.ok()) {
                    throw new IllegalStateException("demo calendar " + year[1] + ": " + result.problems());
                }
                LOG.info("Demo working-day calendar {} loaded ({} days).", year[0], result.stored());
            }
        }
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
