package dev.txlab.domain.service;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * UUIDs of version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Their text sorts
 * by creation time, so rows keyed by them are appended at the right edge of a B-tree, as rows keyed
 * by a sequence are, instead of landing on a random page: a commit then dirties one leaf, not one leaf
 * per row, and the pages it touches stay in the database's cache however large the table grows. The
 * random bits keep ids from different processes and threads apart (2^74 values per millisecond).
 */
final class TimeOrderedUuids implements Ids {
    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_12_BITS = 0x0FFFL;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long RANDOM_62_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    @Override
    public String next() {
        return of(System.currentTimeMillis(), ThreadLocalRandom.current()).toString();
    }

    static UUID of(long epochMillis, RandomGenerator random) {
        long mostSignificant = (epochMillis << 16) | VERSION_7 | (random.nextLong() & RANDOM_12_BITS);
        long leastSignificant = VARIANT_RFC | (random.nextLong() & RANDOM_62_BITS);
        return new UUID(mostSignificant, leastSignificant);
    }
}
