package dev.txlab.cli;

import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets one clear line naming what is wrong and what is accepted, exit code 2, no stack trace. */
class CliErrorsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "run --impl two-phase                            | unknown implementation 'two-phase'; expected one of local-baseline, xa-narayana",
            "run --impl local-baseline --orders -5           | --orders must be at least 1, was -5",
            "run --impl local-baseline --orders 0            | --orders must be at least 1, was 0",
            "run --impl local-baseline --refusal-rate 2      | --refusal-rate must be between 0 and 0.25 (the rate of each of the four refusals), was 2.0",
            "run --impl local-baseline --skew -1             | --skew must be a finite number >= 0",
            "run --impl local-baseline --products 2 --max-items 3 | --products (2) must be at least --max-items (3)",
            "report a.json b.json c.json                     | report takes one results file, or two (BEFORE AFTER); got 3",
            "compare --quick --out /proc/txlab-cannot-be     | cannot write /proc/txlab-cannot-be",
            "run --impl local-baseline --concurrency 0       | --concurrency must be at least 1",
            "run --impl local-baseline --rate 100            | --rate and --duration go together",
            "run --impl local-baseline --rate 100 --duration 10x | --duration must be a number with a unit (ms, s, m or h), such as 90s or 10m; was '10x'",
            "run --impl local-baseline --rate 100 --duration 1m --orders 5 | --orders does not go with --rate",
            "run --impl local-baseline --rate 100 --duration 1m --count-forced-writes | --count-forced-writes goes with a closed loop (--orders), not --rate",
            "run --impl local-baseline --store oracle        | unknown store 'oracle'; expected one of h2, h2-file, postgres, mariadb",
            "run --impl local-baseline --durability forever  | unknown durability 'forever'; expected one of none, process, power",
            "run --impl local-baseline --orders many         | Invalid value for option '--orders'",
            "run --impl local-baseline --store h2 --durability power | durability 'power'",
            "run --impl local-baseline --postgres-url http://x | invalid --postgres-url 'http://x'",
            "run --impl local-baseline --crash nowhere       | unknown crash point 'nowhere'",
            "run --impl local-baseline --orders-model ledger | unknown orders model 'ledger'; expected one of state, event-sourced",
            "run --impl saga-choreo --transport kafka        | unknown transport 'kafka'; expected one of artemis, nats",
            "run --impl local-baseline --network fast        | unknown network 'fast'; expected none, lan (250us one way), wan (10ms one way) or a one-way delay such as 500us or 2ms",
            "run --impl saga-choreo --transport-url nats://h:1 | the artemis transport is embedded and takes no URL",
            "run --impl saga-choreo --transport nats --transport-url http://h | a NATS URL looks like nats://127.0.0.1:4222, was 'http://h'",
            "run                                             | Missing required option: '--impl=ID'",
            "launch                                          | Unmatched argument at index 0: 'launch'",
            "run --impl xa-atomikos --tm-store journal       | --tm-store journal is Narayana's journal store",
            "run --impl xa-narayana --tm-store tape          | unknown TM store 'tape'; expected one of file, journal",
            "compare --quick --full                          | are mutually exclusive",
            "compare --impl nope                             | unknown implementation 'nope'; expected one of local-baseline",
            "compare --quick --runs 0                        | --runs must be at least 1, was 0",
            "compare --quick --orders-model ledger           | unknown orders model 'ledger'; expected one of state, event-sourced",
            "compare --quick --orders-model state,state      | --orders-model names a model twice: state,state; name each once, e.g. state,event-sourced",
            "faults --orders-model ledger                    | unknown orders model 'ledger'; expected one of state, event-sourced",
            "run --impl local-baseline --accounts-model ledger | unknown accounts model 'ledger'; expected one of state, event-sourced",
            "run --impl local-baseline --snapshot-every 10   | --snapshot-every snapshots event-sourced accounts; add --accounts-model event-sourced",
            "run --impl local-baseline --accounts-model event-sourced --snapshot-every -1 | --snapshot-every must be 0 (no snapshot) or more, was -1",
            "run --impl local-baseline --customer-skew -2    | --customer-skew must be a finite number >= 0 (0 = uniform), was -2.0",
            "compare --quick --snapshot-every 10             | --snapshot-every snapshots event-sourced accounts",
            "faults --accounts-model ledger                  | unknown accounts model 'ledger'",
            "report /nonexistent/results.json                | no results file at /nonexistent/results.json",
            "faults --suite fast                             | unknown suite 'fast'; expected quick or full",
            "faults --store h2                               | --store h2 keeps nothing across a crash; use h2-file, postgres or mariadb",
            "faults --transport kafka                        | unknown transport 'kafka'; expected one of artemis, nats",
            "faults --schedules 0                            | --schedules must be at least 1, was 0",
    })
    void rejectsBadInputWithOneClearLine(String args, String expected) throws Exception {
        CliJar.Outcome outcome = CliJar.run(args.trim().split("\\s+"));

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr()).contains(expected.trim()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableBrokerIsBadInputNamingIt() throws Exception {
        CliJar.Outcome outcome = CliJar.run("run", "--impl", "saga-choreo", "--store", "h2", "--orders", "1",
                "--transport", "nats", "--transport-url", "nats://127.0.0.1:1", "--db-prefix", "t_cli_nonats",
                "--no-progress");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr()).contains("cannot reach NATS at nats://127.0.0.1:1").doesNotContain("Exception");
    }

    @Test
    void anUnreachableDatabaseIsBadInputNamingTheServer() throws Exception {
        CliJar.Outcome outcome = CliJar.run("run", "--impl", "local-baseline", "--store", "postgres", "--orders", "1",
                "--postgres-url", "jdbc:postgresql://127.0.0.1:1/", "--no-progress");

        assertThat(outcome.exitCode()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr().lines().filter(line -> !line.isBlank()).count()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("cannot reach postgres at jdbc:postgresql://127.0.0.1:1/")
                .doesNotContain("Exception");
    }

    @Test
    void aRefusedLoginNamesTheUserAndTheFlagsThatSetIt() throws Exception {
        Servers.assumeAvailable(StoreKind.POSTGRES);
        CliJar.Outcome outcome = CliJar.run("run", "--impl", "local-baseline", "--store", "postgres", "--orders", "1",
                "--postgres-user", "txlab_no_such_role", "--db-prefix", "t_cli_login", "--no-progress");

        assertThat(outcome.exitCode()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr()).contains("refused the login of user 'txlab_no_such_role'")
                .contains("pass the right --postgres-user and --postgres-password, or set TXLAB_POSTGRES_PASSWORD")
                .doesNotContain("start the server");
    }

    @Test
    void thePasswordComesFromTheEnvironmentWhenNoFlagGivesIt() throws Exception {
        Servers.assumeAvailable(StoreKind.MARIADB);
        CliJar.Outcome outcome = CliJar.runWith(Map.of("TXLAB_MARIADB_PASSWORD", "not-the-password"), "run", "--impl",
                "local-baseline", "--store", "mariadb", "--orders", "1", "--db-prefix", "t_cli_env", "--no-progress");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr()).contains("refused the login of user 'root'").contains("using password: YES");
    }

    @Test
    void versionNamesTheCommitTheJarWasBuiltFrom() throws Exception {
        CliJar.Outcome outcome = CliJar.run("--version");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).containsPattern("^txlab \\S+, commit [0-9a-f]{40}");
    }

    @Test
    void aFlagTheImplementationDoesNotUseIsAWarningNotAnError() throws Exception {
        CliJar.Outcome outcome = CliJar.run("run", "--impl", "local-baseline", "--orders", "5", "--transport", "nats",
                "--data-dir", CliJar.dataDir(), "--db-prefix", "t_cli_inapplicable", "--no-progress");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stderr().lines()).containsExactly("txlab: warning: --transport does not apply to "
                + "local-baseline (only the sagas use a broker); ignored");
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        CliJar.Outcome outcome = CliJar.run("run", "--impl", "local-baseline", "--store", "oracle", "--verbose");

        assertThat(outcome.exitCode()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr()).contains("IllegalArgumentException").contains("\tat ");
    }

    @Test
    void recoveringAPrefixWithoutARunSaysHowToFindOne() throws Exception {
        CliJar.Outcome outcome = CliJar.run("recover", "--db-prefix", "t_cli_norun", "--data-dir", CliJar.dataDir());

        assertThat(outcome.exitCode()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr()).contains("no run found with prefix 't_cli_norun'");
    }

    @Test
    void auditingAPrefixWithoutARunSaysHowToFindOne() throws Exception {
        CliJar.Outcome outcome = CliJar.run("audit", "--db-prefix", "t_cli_norun", "--data-dir", CliJar.dataDir());

        assertThat(outcome.exitCode()).isEqualTo(TxlabCli.EXIT_BAD_INPUT);
        assertThat(outcome.stderr()).contains("no run found with prefix 't_cli_norun'");
    }
}
