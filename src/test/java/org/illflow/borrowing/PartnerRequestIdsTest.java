package org.illflow.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The request ids this library gives the requests it sends to partners, and reading them back. */
class PartnerRequestIdsTest {

    @Test
    void theFirstRequestToAPartnerIsTheNumberAndAskingItAgainNumbersTheRetries() {
        assertThat(PartnerRequestIds.next("ILL-2026-000042", Set.of()::contains)).isEqualTo("ILL-2026-000042");
        assertThat(PartnerRequestIds.next("ILL-2026-000042", Set.of("ILL-2026-000042")::contains))
                .isEqualTo("ILL-2026-000042-R2");
        assertThat(PartnerRequestIds.next("DD-2026-000007", Set.of("DD-2026-000007", "DD-2026-000007-R2")::contains))
                .isEqualTo("DD-2026-000007-R3");
    }

    @Test
    void anIdOfOursNamesItsRequestAndServiceAndAnyOtherIsNotOurs() {
        assertThat(PartnerRequestIds.requestNumber("ILL-2026-000042-R2")).contains("ILL-2026-000042");
        assertThat(PartnerRequestIds.service("ILL-2026-000042-R2")).contains("ILL");
        assertThat(PartnerRequestIds.requestNumber("DD-2026-1234567")).contains("DD-2026-1234567");
        assertThat(PartnerRequestIds.service("DD-2026-000007")).contains("DD");
        for (String other : new String[] {"LEND-2026-000001", "ILL-2026-42", "ILL-2026-000042-X", "ill-2026-000042",
                "ILL-2026-000042\nDD", "", null}) {
            assertThat(PartnerRequestIds.requestNumber(other)).as(String.valueOf(other)).isEmpty();
        }
    }
}
