package dev.txlab.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * How a long command shows how far it is: a bar redrawn in place when standard error is a terminal,
 * otherwise (a pipe, a log file) one plain line about every {@link PlainProgress#INTERVAL}, or nothing
 * with {@code --no-progress}. The JVM cannot tell whether its standard error is a terminal
 * ({@code System.console()} looks at standard input and output), so the {@code ./txlab} launcher tells
 * it: {@value #TERMINAL_ENV}=1 when its {@code [ -t 2 ]} holds.
 */
interface Progress extends AutoCloseable {
    String TERMINAL_ENV = "TXLAB_STDERR_IS_TERMINAL";

    /** One more unit done. */
    void step();

    /** The units done so far, when known as a total. */
    void stepTo(long done);

    /** What is being done now, shown beside the count. */
    void message(String message);

    @Override
    void close();

    /** The progress shown on {@code err} for a task of {@code total} units, as standard error allows. */
    static Progress open(PrintStream err, String task, long total, boolean disabled) {
        if (disabled) {
            return new NoProgress();
        }
        if (stderrIsTerminal()) {
            return new TerminalBar(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(err)).build());
        }
        return new PlainProgress(err, task, total, PlainProgress.INTERVAL);
    }

    static boolean stderrIsTerminal() {
        return "1".equals(System.getenv(TERMINAL_ENV));
    }

    /** A bar redrawn in place: for a terminal only. */
    record TerminalBar(ProgressBar bar) implements Progress {
        @Override
        public void step() {
            bar.step();
        }

        @Override
        public void stepTo(long done) {
            bar.stepTo(done);
        }

        @Override
        public void message(String message) {
            bar.setExtraMessage(message);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** {@code --no-progress}. */
    final class NoProgress implements Progress {
        @Override
        public void step() {
        }

        @Override
        public void stepTo(long done) {
        }

        @Override
        public void message(String message) {
        }

        @Override
        public void close() {
        }
    }
}
