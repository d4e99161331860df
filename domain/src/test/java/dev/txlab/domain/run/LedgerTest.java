package dev.txlab.domain.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {
    @TempDir
    Path dir;

    @Test
    void readsBackEveryAppendedIdInOrder() {
        Path path = dir.resolve("ledger.txt");
        try (Ledger ledger = Ledger.create(path, true)) {
            ledger.append("o1");
            ledger.append("o2");
        }
        assertThat(Ledger.read(path)).containsExactly("o1", "o2");
    }

    @Test
    void ignoresALastLineCutByACrash() throws Exception {
        Path path = dir.resolve("ledger.txt");
        try (Ledger ledger = Ledger.create(path, false)) {
            ledger.append("o1");
        }
        Files.writeString(path, "o2-half", StandardOpenOption.APPEND);
        assertThat(Ledger.read(path)).containsExactly("o1");
    }

    @Test
    void aMissingLedgerIsEmptyAndANewOneReplacesTheOld() {
        Path path = dir.resolve("ledger.txt");
        assertThat(Ledger.read(path)).isEmpty();
        try (Ledger ledger = Ledger.create(path, false)) {
            ledger.append("old");
        }
        try (Ledger ledger = Ledger.create(path, false)) {
            ledger.append("new");
        }
        assertThat(Ledger.read(path)).containsExactly("new");
    }
}
