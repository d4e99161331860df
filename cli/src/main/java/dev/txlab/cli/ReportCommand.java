package dev.txlab.cli;

import dev.txlab.report.Results;
import dev.txlab.report.ResultsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code txlab report}: re-renders a report from saved results, or two side by side (before, after). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-renders index.html, summary.md and results.csv from a saved results.json; given two, "
                + "shows the second with before/after deltas against the first.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..2", paramLabel = "RESULTS.json",
            description = "one results file, or two: BEFORE AFTER")
    Path[] files;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the report goes (default: the folder of the last results file)")
    Path out;

    @Option(names = "--force", description = "show two results side by side even when they were not measured "
            + "alike (sweep, stores, transport, durability, workload or machine differ)")
    boolean force;

    @Mixin
    VerboseOption verbosity;

    @Override
    public Integer call() throws Exception {
        Flags.require(files.length <= 2, "report takes one results file, or two (BEFORE AFTER); got "
                + files.length);
        Results after = ResultsFiles.read(files[files.length - 1]);
        Optional<Results> before = files.length == 2 ? Optional.of(ResultsFiles.read(files[0])) : Optional.empty();
        List<String> differences = before.map(after::differencesFrom).orElse(List.of());
        Flags.require(differences.isEmpty() || force, "these two results were not measured alike, so their "
                + "differences would not be the change's: " + String.join("; ", differences) + " (measure both the "
                + "same way, or pass --force to show them side by side anyway)");
        Path directory = out != null ? out : files[files.length - 1].toAbsolutePath().getParent();
        Path html = ResultsFiles.render(directory, after, before, ResultsFiles.faultsBeside(files[files.length - 1]));
        new SummaryTable(System.out).print(after);
        System.out.println("report: " + html.toAbsolutePath() + (before.isPresent() ? " (with before/after deltas)" : ""));
        return after.allPassed() ? TxlabCli.EXIT_OK : TxlabCli.EXIT_VIOLATIONS;
    }
}
