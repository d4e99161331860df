package dev.txlab.xa.narayana;

import com.arjuna.ats.arjuna.AtomicAction;
import com.arjuna.ats.arjuna.common.Uid;
import com.arjuna.ats.arjuna.coordinator.ActionStatus;
import com.arjuna.ats.arjuna.exceptions.ObjectStoreException;
import com.arjuna.ats.arjuna.objectstore.RecoveryStore;
import com.arjuna.ats.arjuna.objectstore.StoreManager;
import com.arjuna.ats.arjuna.recovery.RecoverAtomicAction;
import com.arjuna.ats.arjuna.state.InputObjectState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the transaction records in Narayana's file store that Narayana itself cannot read back.
 * Its recovery passes over them in silence (an empty record is not even listed), so the branches
 * such a record named are presumed aborted, even those of a transaction whose decision was commit:
 * each is reported in one line (where, how big, what Narayana makes of it), for an operator to
 * compare with the participants' own state. The journal store keeps no file per record and is not
 * looked at.
 */
final class UnreadableRecords {
    private static final String FILE_STORE = "ShadowNoFileLockStore/defaultStore";

    private UnreadableRecords() {
    }

    /** One line per record Narayana cannot restore; empty when every record reads back. */
    static List<String> find(Path logDir) {
        String type = new AtomicAction().type();
        Path records = logDir.resolve(FILE_STORE + type);
        if (!Files.isDirectory(records)) {
            return List.of();
        }
        RecoveryStore store = StoreManager.getRecoveryStore();
        List<String> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path file : files.sorted().toList()) {
                problem(store, type, file).ifPresent(why -> unreadable.add("unreadable transaction record " + file
                        + " (" + size(file) + " bytes): " + why));
            }
        } catch (IOException e) {
            unreadable.add("cannot list Narayana's transaction records in " + records + ": " + e.getMessage());
        }
        return unreadable;
    }

    private static Optional<String> problem(RecoveryStore store, String type, Path file) {
        Uid uid = new Uid(file.getFileName().toString().replace('_', ':'), true);
        if (!uid.valid()) {
            return Optional.empty();
        }
        if (size(file) == 0) {
            return Optional.of("empty; Narayana's store does not list it, so recovery presumes its branches aborted");
        }
        try {
            InputObjectState state = store.read_committed(uid, type);
            if (state == null || state.length() == 0) {
                return Optional.of("Narayana's store returns no state for it; recovery presumes its branches aborted");
            }
            if (!new RecoverAtomicAction(uid, ActionStatus.COMMITTED).activate()) {
                return Optional.of("Narayana cannot restore it (activate() failed; its log file has the details); "
                        + "recovery presumes its branches aborted");
            }
            return Optional.empty();
        } catch (ObjectStoreException | RuntimeException e) {
            return Optional.of("Narayana: " + e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
