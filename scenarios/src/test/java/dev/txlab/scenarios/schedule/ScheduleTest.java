package dev.txlab.scenarios.schedule;

import dev.txlab.harness.placement.ImplementationId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {
    private static final List<ImplementationId> ALL = Arrays.asList(ImplementationId.values());

    @Test
    void aScheduleIsAPureFunctionOfItsSeedAndReplaysWithOnlyItsImplementationAllowed() {
        for (long seed = 1; seed <= 50; seed++) {
            Schedule schedule = Schedule.generate(seed, ALL);

            assertThat(Schedule.generate(seed, ALL)).isEqualTo(schedule);
            assertThat(Schedule.generate(seed, List.of(schedule.implementation()))).isEqualTo(schedule);
        }
    }

    @Test
    void eachScheduleHaltsAtAPointOfItsImplementationAndOnlySagasGetMessageFaults() {
        List<Schedule> schedules = LongStream.rangeClosed(1, 200).mapToObj(seed -> Schedule.generate(seed, ALL)).toList();

        assertThat(schedules).allSatisfy(schedule -> {
            assertThat(Schedule.pointsOf(schedule.implementation())).contains(schedule.point());
            assertThat(schedule.hit()).isPositive();
            if (!schedule.implementation().id().startsWith("saga")) {
                assertThat(schedule.messages().any()).as("message faults for " + schedule.implementation()).isFalse();
            }
        });
        assertThat(schedules).extracting(Schedule::implementation).containsAll(ALL);
    }
}
