package dev.txlab.load;

/** Counts the orders an open loop has issued and not yet seen to an outcome; waits until none is left. */
final class InFlight {
    private int count;

    synchronized int count() {
        return count;
    }

    synchronized void issued() {
        count++;
    }

    synchronized void done() {
        if (--count == 0) {
            notifyAll();
        }
    }

    synchronized void done(int orders) {
        count -= orders;
        if (count == 0) {
            notifyAll();
        }
    }

    /** Waits until every issued order is done or {@code maxMillis} passed; returns how many are left. */
    synchronized int awaitNone(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        for (long left = maxMillis; count > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
            wait(left);
        }
        return count;
    }
}
