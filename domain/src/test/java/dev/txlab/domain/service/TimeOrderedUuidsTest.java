package dev.txlab.domain.service;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedUuidsTest {
    @Test
    void anIdOfALaterMillisecondSortsAfterEveryIdOfAnEarlierOne() {
        Random random = new Random(42);
        String earlier = TimeOrderedUuids.of(1_700_000_000_000L, random).toString();
        for (int i = 0; i < 1_000; i++) {
            assertThat(TimeOrderedUuids.of(1_700_000_000_001L, random).toString()).isGreaterThan(earlier);
        }
    }

    @Test
    void carriesVersion7TheRfcVariantAndItsMilliseconds() {
        UUID id = TimeOrderedUuids.of(1_700_000_000_123L, new Random(7));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void idsOfOneMillisecondDiffer() {
        Random random = new Random(1);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedUuids.of(1_700_000_000_000L, random));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void theIdsOfARunAreTextOfAUuid() {
        String id = Ids.TIME_ORDERED.next();

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
    }
}
