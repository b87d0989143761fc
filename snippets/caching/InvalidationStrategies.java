package caching;

import java.util.List;
import java.util.Map;

/**
 * The five invalidation mechanisms, with the staleness each one bounds. The TTL figure is the one the
 * cache-aside program uses, so the table and the demonstration agree.
 */
public class InvalidationStrategies {

    public static Map<String, Object> tables() {
        String ttl = CacheAside.TTL_S + " s";
        return Map.of("invalidation", List.of(
                List.of("Mechanism", "How it works", "Stale for at most", "Cost", "Breaks when"),
                List.of("TTL", "Every entry expires a fixed time after it was filled", "The TTL (" + ttl + " here)",
                        "None: no bookkeeping", "Used alone, every write is stale for up to a TTL"),
                List.of("Delete on write", "The writer deletes the key after committing",
                        "Until the next read, except in races (then up to the TTL)", "One extra call per write",
                        "A slow reader refills an old value, or a reader refills from a lagging replica"),
                List.of("Versioned keys", "The key embeds a version (user:42:v17); a write bumps the version",
                        "Until readers learn the new version", "Old versions linger until evicted; readers need the version",
                        "The version itself is cached or replicated with lag"),
                List.of("Tag-based", "Entries carry tags; purging a tag drops every entry that has it",
                        "Until the purge propagates (seconds on a CDN)", "A tag index in the cache or CDN",
                        "A write forgets to purge a tag; purges are rate-limited"),
                List.of("Change data capture", "A consumer of the database's change log deletes affected keys",
                        "The log's delay after commit (usually under a few seconds)", "A log pipeline to run and monitor",
                        "The consumer falls behind or stops: staleness grows silently")));
    }
}
