package org.illflow.catalog;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The demo library's holdings (files written by the project) on the embedded default, imported once. */
@Component
@Order(30)
@ConditionalOnProperty(name = "illflow.demo-data.enabled", havingValue = "true")
class DemoHoldings implements ApplicationRunner {

    static final String KBART = "demo/holdings/kbart-demo.txt";
    static final String MARC = "demo/holdings/print-holdings.xml";

    private final HoldingsImport holdings;

    DemoHoldings(HoldingsImport holdings) {
        this.holdings = holdings;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!holdings.hasSource(KBART)) {
            holdings.importKbart(KBART, read(KBART));
        }
        if (!holdings.hasSource(MARC)) {
            holdings.importMarc(MARC, read(MARC));
        }
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
