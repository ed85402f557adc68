package org.illflow.supplier;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One supplier to try for a request, with what it is expected to cost (CNY) and take (working days). Carries
 * no credentials: staff get the password on their task through {@link SupplierCatalog#revealPassword}.
 */
public record RankedSupplier(String code, String nameZh, String nameEn, BigDecimal expectedCost, int turnaroundDays,
        String workLink) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
