package dev.ecopulse.research.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecopulse.research.client.Allowance;
import dev.ecopulse.research.support.Configs;
import dev.ecopulse.testsupport.VirtualTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DailyBudgetTest {

    final VirtualTime time = new VirtualTime(Instant.parse("2026-11-28T22:00:00Z"));

    @Test
    void withoutAKeyTheDayAllowsTenSearches() {
        DailyBudget budget = new DailyBudget(Configs.research(), time);

        assertThat(budget.perDay()).isEqualByComparingTo("0.01");
        assertThat(budget.searchesLeft()).isEqualTo(10);
        assertThat(budget.describe()).isEqualTo("$0.01 a day, about 10 searches");
    }

    @Test
    void withAKeyTheDayAllowsAThousandSearches() {
        DailyBudget budget = new DailyBudget(Configs.research("api-key", "k-123"), time);

        assertThat(budget.describe()).isEqualTo("$1.00 a day, about 1,000 searches");
    }

    @Test
    void spendingLowersWhatIsLeftUntilMidnightUtc() {
        DailyBudget budget = new DailyBudget(Configs.research("daily-budget", "0.005"), time);

        budget.spend(3, Allowance.UNKNOWN);
        assertThat(budget.searchesLeft()).isEqualTo(2);
        budget.spend(2, Allowance.UNKNOWN);
        assertThat(budget.searchesLeft()).isZero();

        time.advance(Duration.ofHours(2)); // 00:00 UTC
        assertThat(budget.searchesLeft()).isEqualTo(5);
    }

    @Test
    void whatOpenAlexSaysIsLeftCapsTheBudget() {
        DailyBudget budget = new DailyBudget(Configs.research("daily-budget", "1"), time);

        budget.spend(1, new Allowance(BigDecimal.ONE, new BigDecimal("0.004"), new BigDecimal("0.001"),
                Duration.ofHours(2)));
        assertThat(budget.searchesLeft()).isEqualTo(4);

        budget.exhausted();
        assertThat(budget.searchesLeft()).isZero();
    }
}
