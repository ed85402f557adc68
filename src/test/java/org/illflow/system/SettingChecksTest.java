package org.illflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;

import org.illflow.loan.LoanSettings;
import org.junit.jupiter.api.Test;

/** A zero, negative or missing period or duration in the settings stops the start with the property's name. */
class SettingChecksTest {

    @Test
    void aPositiveValuePassesAndAnythingElseNamesTheProperty() {
        assertThat(SettingChecks.positive("illflow.x", Period.ofDays(3), "P3D")).isEqualTo(Period.ofDays(3));
        assertThat(SettingChecks.positive("illflow.x", Duration.ofMinutes(1), "PT1M")).isEqualTo(Duration.ofMinutes(1));
        for (Period bad : new Period[] {Period.ZERO, Period.ofDays(-1), null}) {
            assertThatThrownBy(() -> SettingChecks.positive("illflow.x", bad, "P3D"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("illflow.x must be positive, e.g. P3D");
        }
        assertThatThrownBy(() -> SettingChecks.positive("illflow.y", Duration.ZERO, "PT1M"))
                .hasMessage("illflow.y must be positive, e.g. PT1M");
        assertThatThrownBy(() -> new LoanSettings().setPartnerRenewAnswerWait(Period.ZERO))
                .hasMessage("illflow.loan.partner-renew-answer-wait must be positive, e.g. P3D");
        assertThatThrownBy(() -> new LoanSettings().setOverdueNoticeInterval(Period.ofDays(-7)))
                .hasMessage("illflow.loan.overdue-notice-interval must be positive, e.g. P7D");
    }
}
