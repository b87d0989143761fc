package corrections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figures that interview guides and cheat sheets often repeat, and what this site says instead. Each row
 * points at the section whose program computes the right figure; numbers in "What is right" are quoted
 * from those programs (fact macros), never retyped here. The verification report shows this table.
 */
public class CommonFigures {

    record Correction(String oftenSaid, String right, String why, String source, String where) {
    }

    static final List<Correction> CORRECTIONS = List.of(
            new Correction("Sending 1 KB over a 1 Gbps link takes 10 μs.",
                    "fact:foundations.send-1kb-ns[unit=ns] of wire time for 1,000 bytes.",
                    "8,000 bits at 10⁹ bit/s; the 10 μs is a rounded-up figure from a table of 2 KB transfers.",
                    "arithmetic", "modules/01-foundations.html#the-latency-ladder"),
            new Correction("150 ms California to the Netherlands is the speed-of-light floor.",
                    "The floor in fibre is fact:foundations.sf-ams-floor-ms[decimals=0,unit=ms]; 150 ms is a measured route.",
                    "Light in fibre covers about 204 km per ms, and cables do not follow great circles.",
                    "haversine distance; fibre refractive index 1.468", "modules/01-foundations.html#how-fast-can-distance-be"),
            new Correction("For three zones, multiply the fleet by 1.5 (and truncate).",
                    "The smallest fleet that survives losing its largest zone: fact:foundations.servers-zone-loss[], not fact:foundations.shortcut-servers[].",
                    "Truncating loses capacity, and whole servers do not split evenly across zones.",
                    "arithmetic", "modules/01-foundations.html#worked-example-a-twitter-like-home-feed"),
            new Correction("Every region needs the whole fleet (fleet × regions).",
                    "Regions share the load: fact:foundations.fleet[] servers, not fact:foundations.fleet-if-each-region-takes-all[].",
                    "Only a design in which one region must carry the whole world needs the multiplication.",
                    "arithmetic", "modules/01-foundations.html#worked-example-a-twitter-like-home-feed"),
            new Correction("A day is about 10⁵ seconds.",
                    "86,400 s: the shortcut understates per-second rates by 14 %.",
                    "10⁵ ÷ 86,400 = 1.157.", "arithmetic", "modules/01-foundations.html#from-daily-users-to-servers"),
            new Correction("CA systems exist inside a rack.",
                    "CA describes a single node; any replicated system must handle partitions.",
                    "Racks lose switches and NICs, and a long pause is indistinguishable from a partition.",
                    "Gilbert and Lynch (2002); Bailis and Kingsbury, The Network is Reliable (2014)",
                    "modules/02-consistency.html#reading-cap-correctly"),
            new Correction("Amazon RDS Multi-AZ is PC/EL.", "PC/EC: the standby is synchronous and serves no reads.",
                    "Every write waits for the standby; every read goes to the primary.", "AWS RDS documentation",
                    "modules/02-consistency.html#pacelc"),
            new Correction("Like counters under eventual consistency are off by a few.",
                    "With last-writer-wins, fact:consistency.likes-lww-lost[] of fact:consistency.likes-total[] likes were lost for good; a counter CRDT lost none.",
                    "Eventual convergence says nothing about which concurrent updates survive the merge.",
                    "simulation", "modules/02-consistency.html#choosing-the-right-model"),
            new Correction("Kubernetes HPA: replicas = round(current × metric / target).",
                    "ceil, with a 10 % tolerance band: fact:scalability.hpa-example-ceil[] pods for 10 pods at 80 % against 60 %, not fact:scalability.hpa-example-round[].",
                    "Rounding down can leave the metric above its target.", "Kubernetes HPA documentation",
                    "modules/03-scalability.html#the-replica-formula"),
            new Correction("Power of two choices gets 95 % of the benefit with 1 % of the coordination.",
                    "fact:loadbalancing.p2c-benefit-p99[format=percent,decimals=0] of the p99 gain but fact:loadbalancing.p2c-benefit-wait[format=percent,decimals=0] of the queueing gain; the 1 % is 2/N.",
                    "The slogan holds for one metric at one fleet size.", "simulation",
                    "modules/04-load-balancing.html#p2c-claim"),
            new Correction("Cache avalanche: hit rate 99 % → 60 % multiplies database load by 30.",
                    "By the ratio of miss rates: 40 % ÷ 1 % = 40×.",
                    "Database load is proportional to the miss rate, not the hit rate.", "arithmetic",
                    "modules/05-caching.html#cache-avalanche"),
            new Correction("The last few percent of hit rate carry the most latency value.",
                    "Each point of hit rate is worth the same milliseconds; the relative gain grows.",
                    "Effective latency is linear in the hit rate: fact:caching.effective-ms[unit=ms] at 90 %, fact:caching.effective-ms-high[unit=ms] at 99 %.",
                    "arithmetic", "modules/05-caching.html#hit-rate-math"),
            new Correction("Semi-synchronous replication is MySQL's default.",
                    "MySQL replicates asynchronously by default; semi-sync is a plugin that falls back to async after a timeout.",
                    "rpl_semi_sync_source_enabled is off unless configured.", "MySQL reference manual",
                    "modules/06-databases.html#sync-async"),
            new Correction("Adding a shard to a consistent-hash ring moves about 1/N of the keys.",
                    "About 1/(N+1): fact:databases.ring-moved-fraction[format=percent,decimals=1] going from 4 to 5 shards, all of them to the new shard.",
                    "The new shard takes its fair share of a ring of N+1.", "simulation",
                    "modules/06-databases.html#consistent-hashing"),
            new Correction("Kafka acknowledges a write once min.insync.replicas replicas have it.",
                    "acks=all waits for every replica in the in-sync set; min.insync.replicas is the floor below which writes are refused.",
                    "A slow follower delays acknowledgements until it drops out of the set.", "Apache Kafka documentation",
                    "modules/07-messaging.html#replicated"),
            new Correction("Brokers sustain 500 MB/s of sequential writes per drive.",
                    "A 7,200 rpm disk streams about 200 MB/s; 500 MB/s per drive is SSD territory.",
                    "The figure mixes disk and SSD datasheets.", "drive datasheets (rule of thumb)",
                    "modules/07-messaging.html#append-only"),
            new Correction("S3's eleven nines: 1 object lost per 10,000 objects per 10 million years.",
                    "10,000,000 objects, one loss every 10,000 years on average (the numbers are swapped).",
                    "Both describe 10¹¹ object-years per expected loss; the page restates it per year at scale.",
                    "AWS S3 documentation", "modules/08-storage.html#what-eleven-nines-means"),
            new Correction("EBS gp3 volumes have five nines of durability.",
                    "99.8–99.9 % (an annual failure rate of fact:storage.gp3-best-afr[format=percent,decimals=1]–fact:storage.gp3-worst-afr[format=percent,decimals=1]); five nines is io2.",
                    "A fleet of 1,000 gp3 volumes loses at least one a year with probability fact:storage.gp3-best-fleet-1000[format=percent,decimals=0]–fact:storage.gp3-worst-fleet-1000[format=percent,decimals=0].",
                    "AWS EBS documentation", "modules/08-storage.html#block-volumes-are-not-eleven-nines"),
            new Correction("In-memory cache storage costs about $0.50 per GB-month.",
                    "About $fact:storage.memory-per-gb-month[decimals=2] per GB-month for a typical cache node.",
                    "Node price divided by its memory.", "AWS list prices (rule of thumb)",
                    "modules/08-storage.html#hot-warm-and-cold-tiers"),
            new Correction("Protobuf is 3–10× smaller than JSON.",
                    "Measured from 1.3× (text-heavy) to 3.2× (small numeric message), and 1.18× after gzip.",
                    "Field names dominate small JSON messages; strings cost the same in both.", "measurement",
                    "modules/09-apis.html#how-much-smaller-is-protobuf"),
            new Correction("HTTP/2 multiplexing removes head-of-line blocking.",
                    "At the HTTP layer only; a lost TCP packet still stalls every stream. HTTP/3 (QUIC) removes that.",
                    "TCP delivers bytes in order across all streams.", "RFC 9113, RFC 9000",
                    "modules/09-apis.html#http2-multiplexing-and-head-of-line-blocking"),
            new Correction("A reused idempotency key returns the original response even if the parameters differ.",
                    "A different request under the same key is rejected with an error.",
                    "Replaying a different request's result would hide a client bug.", "Stripe API reference; IETF Idempotency-Key draft",
                    "modules/09-apis.html#how-stripe-behaves"),
            new Correction("BM25 uses k1 = 1.5.", "Lucene and Elasticsearch default to k1 = 1.2, b = 0.75.",
                    "The page uses the engines' defaults so its scores match theirs.", "Lucene BM25Similarity",
                    "modules/10-search.html#ranking-tf-idf-and-bm25"),
            new Correction("Fast burn: 2 % of the budget in one hour is about a 1 % error rate.",
                    "A burn rate of fact:observability.fast-burn-rate[decimals=1], an error rate of fact:observability.fast-burn-error-rate[format=percent,decimals=2].",
                    "2 % of a 30-day budget in 1 hour is 0.02 × 720 hours ÷ 1 hour.",
                    "Google SRE Workbook, Alerting on SLOs", "modules/11-observability.html#burn-rate-alerting"));

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Often said", "What is right", "Why", "Source", "Where"));
        for (Correction c : CORRECTIONS) {
            rows.add(List.of(c.oftenSaid(), c.right(), c.why(), c.source(), c.where()));
        }
        return Map.of("common-figures", rows);
    }
}
