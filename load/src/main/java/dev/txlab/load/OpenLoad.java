package dev.txlab.load;

import dev.txlab.harness.placement.Submission;
import dev.txlab.harness.placement.SubmitFailedException;
import dev.txlab.harness.run.Run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An open loop: orders arrive at a fixed rate for a fixed time whatever the system does, each handed
 * to one of {@code workers} threads. Every latency is measured from the order's intended start on
 * the schedule, so a stall delays the measured latency of every order scheduled behind it
 * (coordinated omission cannot hide it; no correction is added on top). When the oldest waiting
 * order is more than {@code maxLag} behind its schedule the load is past saturation: the phase
 * stops issuing, drops the orders not yet started (they never reached the system) and says so.
 */
public final class OpenLoad {
    /**
     * The orders in flight at the middle and at the end are the fewest seen over the last tenth of the
     * loop before each (0.5 s of a 5 s window), so a pause shorter than that near either point is not
     * read as a growing backlog (one compare put the floor at 194 orders/s, its closed loop at 1,097,
     * when single readings at two instants failed three windows by 26-188 orders).
     */
    static final int TAIL_SHARE = 10;
    private final Run run;
    private final int workers;
    private final Duration maxLag;

    public OpenLoad(Run run, int workers, Duration maxLag) {
        if (workers < 1) {
            throw new IllegalArgumentException("an open loop needs at least 1 worker, was " + workers);
        }
        this.run = run;
        this.workers = workers;
        this.maxLag = maxLag;
    }

    /**
     * Where a long open loop stands at a mark on its schedule: time since its start, orders issued,
     * orders that reached their outcome, orders in flight (issued, no outcome yet).
     */
    public record Mark(Duration elapsed, int issued, int completed, int inFlight) {
    }

    public LoadResult run(double ratePerSecond, Duration length) throws InterruptedException {
        return run(ratePerSecond, length, length, mark -> {
        });
    }

    /**
     * Runs the loop, telling {@code marks} where it stands every {@code every} of the schedule and at
     * its end, on the thread that issues the orders (a slow listener delays issuing; the orders keep
     * their intended starts, so their latency shows it).
     */
    public LoadResult run(double ratePerSecond, Duration length, Duration every, Consumer<Mark> marks)
            throws InterruptedException {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("an open loop's rate must be above 0 orders/s, was " + ratePerSecond);
        }
        PhaseRecorder recorder = new PhaseRecorder(run);
        InFlight inFlight = new InFlight();
        AtomicLong worstLag = new AtomicLong();
        AtomicBoolean exhausted = new AtomicBoolean();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "txlab-open-loop");
                    thread.setDaemon(true);
                    return thread;
                });
        long periodNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long middle = start + length.toNanos() / 2;
        long tail = length.toNanos() / TAIL_SHARE;
        LowestInFlight atMiddle = new LowestInFlight(middle - tail, middle);
        LowestInFlight atEnd = new LowestInFlight(end - tail, end);
        long keptUpBy = end + maxLag.toNanos();
        AtomicInteger keptUp = new AtomicInteger();
        int issued = 0;
        boolean saturated = false;
        long nextMark = start + every.toNanos();
        for (long intended = start; intended < end; intended += periodNanos) {
            parkUntil(intended);
            if (intended >= nextMark) {
                marks.accept(new Mark(Duration.ofNanos(nextMark - start), issued, recorder.completed(),
                        inFlight.count()));
                nextMark += every.toNanos();
            }
            if (Math.max(worstLag.get(), oldestWaiting(pool)) > maxLag.toNanos()) {
                saturated = true;
                break;
            }
            atMiddle.saw(intended, inFlight.count());
            atEnd.saw(intended, inFlight.count());
            long intendedStart = intended;
            issued++;
            inFlight.issued();
            pool.execute(new Scheduled(intendedStart, () -> place(intendedStart, recorder, inFlight, worstLag,
                    exhausted, keptUp, keptUpBy)));
        }
        if (!saturated) {
            parkUntil(end);
        }
        marks.accept(new Mark(Duration.ofNanos(System.nanoTime() - start), issued, recorder.completed(),
                inFlight.count()));
        List<Runnable> neverStarted = new ArrayList<>();
        if (saturated) {
            pool.getQueue().drainTo(neverStarted);
            inFlight.done(neverStarted.size());
        }
        int inFlightAtEnd = inFlight.count();
        pool.shutdown(); // never shutdownNow: an interrupt closes an H2 file database under a worker
        inFlight.awaitNone(run.outcomeWait().toMillis());
        pool.awaitTermination(run.outcomeWait().toMillis(), TimeUnit.MILLISECONDS);
        KeepingUp keepingUp = new KeepingUp(issued - neverStarted.size(), keptUp.get(), atMiddle.orElse(0),
                atEnd.orElse(inFlightAtEnd));
        if (exhausted.get()) {
            throw new WorkloadExhaustedException(run);
        }
        return recorder.result(workers, ratePerSecond, Duration.ofNanos(System.nanoTime() - start), saturated,
                Optional.of(keepingUp));
    }

    private void place(long intendedStart, PhaseRecorder recorder, InFlight inFlight, AtomicLong worstLag,
                       AtomicBoolean exhausted, AtomicInteger keptUp, long keptUpBy) {
        worstLag.accumulateAndGet(System.nanoTime() - intendedStart, Math::max);
        Optional<Submission> submitted;
        try {
            submitted = run.feed().submitNext();
        } catch (SubmitFailedException e) {
            recorder.submitFailed();
            inFlight.done();
            return;
        }
        if (submitted.isEmpty()) {
            exhausted.set(true);
            inFlight.done();
            return;
        }
        recorder.acknowledged(System.nanoTime() - intendedStart);
        submitted.get().completion().whenComplete((result, failure) -> {
            if (failure == null) {
                long now = System.nanoTime();
                recorder.completed(result, now - intendedStart);
                if (now <= keptUpBy) {
                    keptUp.incrementAndGet();
                }
            }
            inFlight.done();
        });
    }

    /** How far behind its schedule the oldest order still waiting for a worker is, in nanoseconds. */
    private static long oldestWaiting(ThreadPoolExecutor pool) {
        Runnable head = pool.getQueue().peek();
        return head instanceof Scheduled scheduled ? System.nanoTime() - scheduled.intendedStart() : 0;
    }

    /** An order's placement with its intended start on the schedule. */
    private record Scheduled(long intendedStart, Runnable placement) implements Runnable {
        @Override
        public void run() {
            placement.run();
        }
    }

    private static void parkUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
