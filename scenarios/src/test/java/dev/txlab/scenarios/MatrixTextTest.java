package dev.txlab.scenarios;

import dev.txlab.harness.cost.MessageCounts;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixTextTest {

    private static FaultMatrix matrix(FaultMatrix.Cell xaCell) {
        Map<String, FaultMatrix.Cell> cells = new LinkedHashMap<>();
        cells.put("local-baseline", FaultMatrix.Cell.notApplicable(""));
        cells.put("xa-narayana", xaCell);
        return new FaultMatrix("h2-file", "quick", List.of(new FaultMatrix.Row("xa-halt-after-prepares", "d", cells)),
                Map.of(), Map.of());
    }

    @Test
    void theWordFailAppearsOnlyInAFailingCell() {
        String passing = MatrixText.terminal(matrix(FaultMatrix.Cell.pass("halted", 2.25)));
        String failing = MatrixText.terminal(matrix(FaultMatrix.Cell.fail("the fault did not fire")));

        assertThat(passing).doesNotContainIgnoringCase("fail").contains("pass (2.3 s)").contains("n/a");
        assertThat(failing.split("fail", -1)).hasSize(2);
        assertThat(MatrixText.markdown(matrix(FaultMatrix.Cell.pass("halted", 2.25)))).doesNotContainIgnoringCase("fail")
                .contains("| xa-halt-after-prepares | n/a | pass (2.3 s) |");
    }

    @Test
    void aSagaCellShowsItsMeanAndLargestBatchBesideItsRecoveryTime() {
        FaultMatrix.Cell cell = FaultMatrix.Cell.pass("halted", 2.25).withBatches(new MessageCounts(0, 0, 0, 0, 0, 0, 0,
                0, 0, 40, 130, 17));

        assertThat(MatrixText.cell(cell)).isEqualTo("pass (2.3 s, batch 3.3/17)");
        assertThat(MatrixText.markdown(matrix(cell))).contains("batches: mean 3.25 deliveries per consumer "
                + "transaction, largest 17 (40 transactions)");
    }

    @Test
    void theColumnsKeepTheOrderOfTheImplementations() {
        String header = MatrixText.terminal(matrix(FaultMatrix.Cell.pass("x", null))).lines().findFirst().orElseThrow();
        assertThat(header.indexOf("local-baseline")).isLessThan(header.indexOf("xa-narayana"));
    }
}
