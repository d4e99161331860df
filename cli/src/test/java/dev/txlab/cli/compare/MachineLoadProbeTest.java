package dev.txlab.cli.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Other processes' share is what was busy less steal and less txlab's own and its servers'. */
class MachineLoadProbeTest {

    @Test
    void otherProcessesShareLeavesOutStealAndWhatTxlabAndItsServersSpent() {
        MachineLoadProbe.Ticks before = new MachineLoadProbe.Ticks(1_000, 100, 10, 50);
        // 200 ticks elapsed on all cores: 120 busy, of which 10 steal and 80 txlab's: 30 others'
        MachineLoadProbe.Ticks after = new MachineLoadProbe.Ticks(1_200, 220, 20, 130);

        assertThat(after.otherShare(before)).isCloseTo(0.15, within(1e-9));
        assertThat(after.stealShare(before)).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void txlabSpendingMoreThanTheMachineCountedIsNoNegativeShare() {
        MachineLoadProbe.Ticks before = new MachineLoadProbe.Ticks(1_000, 100, 0, 50);
        MachineLoadProbe.Ticks after = new MachineLoadProbe.Ticks(1_200, 150, 0, 120);

        assertThat(after.otherShare(before)).isZero();
    }
}
