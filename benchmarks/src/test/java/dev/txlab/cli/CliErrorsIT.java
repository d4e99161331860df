package dev.txlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets one clear line naming what is wrong and what is accepted, exit code 2, no stack trace. */
class CliErrorsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "run --impl two-phase                            | unknown implementation 'two-phase'; expected one of local-baseline, xa-narayana",
            "run --impl local-baseline --orders -5           | orders must not be negative, was -5",
            "run --impl local-baseline --concurrency 0       | --concurrency must be at least 1",
            "run --impl local-baseline --store oracle        | unknown store 'oracle'; expected one of h2, h2-file, postgres, mariadb",
            "run --impl local-baseline --durability forever  | unknown durability 'forever'; expected one of none, process, power",
            "run --impl local-baseline --orders many         | Invalid value for option '--orders'",
            "run --impl local-baseline --store h2 --durability power | durability 'power'",
            "run --impl local-baseline --postgres-url http://x | invalid --postgres-url 'http://x'",
            "run --impl local-baseline --crash nowhere       | unknown crash point 'nowhere'",
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
