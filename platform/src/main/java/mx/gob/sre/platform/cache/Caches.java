package mx.gob.sre.platform.cache;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Where the suite's in-process caches start. */
public final class Caches {

    private Caches() {
    }

    /**
     * A Caffeine builder whose upkeep (expiry, eviction, the replay of reads) runs on the thread that uses
     * the cache. Caffeine's default hands it to the common fork-join pool, which at full load meant a
     * thread wake-up every few requests on the gateway's event loops (strace, bench/README.md); the upkeep
     * itself is a few microseconds and never blocks.
     */
    public static Caffeine<Object, Object> builder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
