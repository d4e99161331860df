package dev.txlab.harness.run;

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
        try (Ledger ledger = Ledger.create(path, "r1", "a test", true)) {
            ledger.append("o1");
            ledger.append("o2");
        }
        assertThat(Ledger.read(path).ids()).containsExactly("o1", "o2");
    }

    @Test
    void ignoresALastLineCutByACrash() throws Exception {
        Path path = dir.resolve("ledger.txt");
        try (Ledger ledger = Ledger.create(path, "r1", "a test", false)) {
            ledger.append("o1");
        }
        Files.writeString(path, "o2-half", StandardOpenOption.APPEND);
        assertThat(Ledger.read(path).ids()).containsExactly("o1");
    }

    @Test
    void aMissingLedgerIsEmptyAndANewOneReplacesTheOld() {
        Path path = dir.resolve("ledger.txt");
        assertThat(Ledger.read(path).ids()).isEmpty();
        try (Ledger ledger = Ledger.create(path, "r1", "a test", false)) {
            ledger.append("old");
        }
        try (Ledger ledger = Ledger.create(path, "r1", "a test", false)) {
            ledger.append("new");
        }
        assertThat(Ledger.read(path).ids()).containsExactly("new");
    }

    @Test
    void itsFirstLineNamesTheRunAndIsNoOrderId() {
        Path path = dir.resolve("ledger.txt");
        try (Ledger ledger = Ledger.create(path, "20261204T180000Z-00ff00", "local-baseline on h2-file", false)) {
            ledger.append("o1");
        }
        assertThat(Ledger.runId(path)).hasValue("20261204T180000Z-00ff00");
        assertThat(Ledger.header(path)).hasValueSatisfying(line -> assertThat(line).endsWith("local-baseline on h2-file"));
        assertThat(Ledger.read(path).ids()).containsExactly("o1");
    }
}
