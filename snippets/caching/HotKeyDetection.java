package caching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

// run: timeout=20s
/**
 * Finding a hot key before it melts a shard: a Count-Min sketch counts a sample of the read stream in a
 * fixed 4 × 2,000 counters and estimates any key's count, never below the truth. Two thirds of the reads
 * go to post:42; the rest are spread over 100,000 other keys.
 */
public class HotKeyDetection {

    static final double HOT_SHARE = 2.0 / 3;   // 1,000,000 of 1,500,000 reads per second

    // tag::detect[]
    /** Count-Min sketch: rows of counters; a key's estimate is its smallest counter. */
    static final class CountMinSketch {
        private final long[][] counts;
        private final int width;

        CountMinSketch(int depth, int width) {
            this.counts = new long[depth][width];
            this.width = width;
        }

        void add(String key) {
            for (int row = 0; row < counts.length; row++) {
                counts[row][column(key, row)]++;
            }
        }

        /** Never below the true count; above it by what collided with the key in every row. */
        long estimate(String key) {
            long min = Long.MAX_VALUE;
            for (int row = 0; row < counts.length; row++) {
                min = Math.min(min, counts[row][column(key, row)]);
            }
            return min;
        }

        private int column(String key, int row) {
            return (int) Math.floorMod(hash(key + "/" + row), (long) width);
        }
    }
    // end::detect[]

    static final int SAMPLE = 200_000;
    static final int OTHER_KEYS = 100_000;

    /** A sample of the traffic: the hot key in proportion to its rate, the rest uniform over 100,000 keys. */
    static List<String> sample(long seed) {
        Random random = new Random(seed);
        double hotShare = HOT_SHARE;
        List<String> keys = new ArrayList<>(SAMPLE);
        for (int i = 0; i < SAMPLE; i++) {
            keys.add(random.nextDouble() < hotShare ? "post:42" : "post:" + (1000 + random.nextInt(OTHER_KEYS)));
        }
        return keys;
    }

    record Detection(double hotEstimateShare, double hotTrueShare, double maxOtherEstimateShare) {
    }

    static Detection detect() {
        CountMinSketch sketch = new CountMinSketch(4, 2_000);
        List<String> keys = sample(4);
        keys.forEach(sketch::add);
        long trueHot = keys.stream().filter("post:42"::equals).count();
        long maxOther = 0;
        for (int k = 1000; k < 1000 + OTHER_KEYS; k++) {
            maxOther = Math.max(maxOther, sketch.estimate("post:" + k));
        }
        return new Detection((double) sketch.estimate("post:42") / SAMPLE, (double) trueHot / SAMPLE,
                (double) maxOther / SAMPLE);
    }

    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    public static void main(String[] args) {
        Detection d = detect();
        System.out.printf("Count-Min sketch, 4 x 2,000 counters, %,d sampled reads:%n", SAMPLE);
        System.out.printf("  post:42 estimated at %.1f%% of reads (true %.1f%%)%n",
                100 * d.hotEstimateShare(), 100 * d.hotTrueShare());
        System.out.printf("  highest estimate for any other key: %.3f%%%n", 100 * d.maxOtherEstimateShare());
    }

    public static Map<String, Object> facts() {
        Detection d = detect();
        return Map.of("cms-hot-share", HOT_SHARE, "cms-hot-estimate", d.hotEstimateShare(),
                "cms-hot-true", d.hotTrueShare(), "cms-max-other", d.maxOtherEstimateShare());
    }
}
