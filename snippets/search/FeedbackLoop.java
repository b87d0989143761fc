package search;

// run: timeout=20s

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The feedback-loop trap, simulated over 30 days. A catalogue of 500 items holds clickbait (clicked
 * often, rarely satisfying), quality items (clicked less, usually satisfying) and ordinary ones. Each
 * day the recommender ranks items by what it learned from the impressions it chose to show; it never
 * learns about items it does not show. Three designs: rank by clicks alone; clicks plus a random
 * exploration slot; and a blended objective that also counts satisfied visits (long dwell, a like).
 */
public class FeedbackLoop {

    static final int ITEMS = 500;
    static final int DAYS = 30;
    static final int USERS_PER_DAY = 2_000;
    static final int SLOTS = 10;
    static final int SHORTLIST = 40;          // each feed is drawn from the top 40 by estimated score

    enum Kind {
        CLICKBAIT(0.10, 0.05, 0.10), QUALITY(0.05, 0.60, 0.20), ORDINARY(0.03, 0.30, 0.70);

        final double clickRate, satisfiedRate, share;

        Kind(double clickRate, double satisfiedRate, double share) {
            this.clickRate = clickRate;
            this.satisfiedRate = satisfiedRate;
            this.share = share;
        }
    }

    record Item(Kind kind, double clickRate, double satisfiedRate) {
    }

    static List<Item> catalogue(Random random) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            double u = random.nextDouble();
            Kind kind = u < Kind.CLICKBAIT.share ? Kind.CLICKBAIT
                    : u < Kind.CLICKBAIT.share + Kind.QUALITY.share ? Kind.QUALITY : Kind.ORDINARY;
            double spread = Math.exp(0.25 * random.nextGaussian());
            items.add(new Item(kind, kind.clickRate * spread, Math.min(1, kind.satisfiedRate * spread)));
        }
        return items;
    }

    record Design(String name, boolean explore, boolean countSatisfaction) {
    }

    static final List<Design> DESIGNS = List.of(
            new Design("clicks only", false, false),
            new Design("clicks + exploration slot", true, false),
            new Design("clicks x satisfaction + exploration", true, true));

    /** What the recommender has logged about each item. */
    static final class Log {
        final int[] shown = new int[ITEMS], clicked = new int[ITEMS], satisfied = new int[ITEMS];

        // tag::objective[]
        /** Estimated click rate, shrunk towards a 4 % prior until the item has data. */
        double clickRate(int item) {
            return (clicked[item] + 0.04 * 50) / (shown[item] + 50);
        }

        /** Estimated chance that a click ends well, shrunk towards a 30 % prior. */
        double satisfiedRate(int item) {
            return (satisfied[item] + 0.3 * 10) / (clicked[item] + 10);
        }

        double score(int item, Design design) {
            double clicks = clickRate(item);
            return design.countSatisfaction() ? clicks * satisfiedRate(item) : clicks;
        }
        // end::objective[]
    }

    record Day(double clickbaitShare, double clicksPerThousand, double satisfiedPerThousand) {
    }

    record Run(List<Day> days, long neverShownQuality) {
    }

    static Run run(Design design, long seed) {
        Random random = new Random(seed);
        List<Item> items = catalogue(random);
        Log log = new Log();
        List<Day> days = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            Integer[] ranked = IntStream.range(0, ITEMS).boxed().toArray(Integer[]::new);
            Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> -log.score(i, design))
                    .thenComparingInt(i -> i));   // ties (no data yet) by id: an arbitrary but fixed order
            long impressions = 0, clickbait = 0, clicks = 0, satisfied = 0;
            for (int u = 0; u < USERS_PER_DAY; u++) {
                for (int slot = 0; slot < SLOTS; slot++) {
                    boolean exploring = design.explore() && slot == SLOTS - 1;
                    int item = exploring ? random.nextInt(ITEMS) : ranked[random.nextInt(SHORTLIST)];
                    Item it = items.get(item);
                    boolean click = random.nextDouble() < it.clickRate();
                    boolean good = click && random.nextDouble() < it.satisfiedRate();
                    log.shown[item]++;
                    log.clicked[item] += click ? 1 : 0;
                    log.satisfied[item] += good ? 1 : 0;
                    impressions++;
                    clickbait += it.kind() == Kind.CLICKBAIT ? 1 : 0;
                    clicks += click ? 1 : 0;
                    satisfied += good ? 1 : 0;
                }
            }
            days.add(new Day((double) clickbait / impressions, 1000.0 * clicks / impressions,
                    1000.0 * satisfied / impressions));
        }
        long neverShown = IntStream.range(0, ITEMS)
                .filter(i -> items.get(i).kind() == Kind.QUALITY && log.shown[i] == 0).count();
        return new Run(days, neverShown);
    }

    private static Map<Design, Run> runs;

    static synchronized Map<Design, Run> all() {
        if (runs == null) {
            runs = new LinkedHashMap<>();
            for (Design d : DESIGNS) {
                runs.put(d, run(d, 2024));   // same catalogue and user draws for every design
            }
        }
        return runs;
    }

    public static void main(String[] args) {
        long quality = catalogue(new Random(2024)).stream().filter(i -> i.kind() == Kind.QUALITY).count();
        System.out.printf("%d items (%d quality), %d days x %,d feeds of %d%n", ITEMS, quality, DAYS,
                USERS_PER_DAY, SLOTS);
        System.out.printf("%-36s %9s %9s %12s %8s%n", "design (day 30)", "clickbait", "clicks/1k",
                "satisfied/1k", "unseen*");
        all().forEach((design, run) -> {
            Day last = run.days().get(DAYS - 1);
            System.out.printf("%-36s %8.1f%% %9.1f %12.1f %8d%n", design.name(), last.clickbaitShare() * 100,
                    last.clicksPerThousand(), last.satisfiedPerThousand(), run.neverShownQuality());
        });
        System.out.println("* quality items never shown in 30 days");
    }

    static Day last(int design) {
        return all().get(DESIGNS.get(design)).days().get(DAYS - 1);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("clickbait-catalogue-share", Kind.CLICKBAIT.share);
        f.put("clicks-only-clickbait", last(0).clickbaitShare());
        f.put("explore-clickbait", last(1).clickbaitShare());
        f.put("blended-clickbait", last(2).clickbaitShare());
        f.put("clicks-only-clicks", last(0).clicksPerThousand());
        f.put("blended-clicks", last(2).clicksPerThousand());
        f.put("clicks-only-satisfied", last(0).satisfiedPerThousand());
        f.put("blended-satisfied", last(2).satisfiedPerThousand());
        f.put("satisfied-gain", last(2).satisfiedPerThousand() / last(0).satisfiedPerThousand());
        f.put("clicks-only-quality-unseen", all().get(DESIGNS.get(0)).neverShownQuality());
        f.put("explore-quality-unseen", all().get(DESIGNS.get(1)).neverShownQuality());
        return f;
    }

    public static Map<String, Object> charts() {
        List<Map<String, Object>> series = new ArrayList<>();
        all().forEach((design, run) -> {
            List<List<Double>> points = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                points.add(List.of(d + 1.0, Math.round(run.days().get(d).clickbaitShare() * 1000) / 10.0));
            }
            series.add(Map.of("type", "line", "name", design.name(), "data", points));
        });
        return Map.of("clickbait", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "day", "nameLocation", "middle", "nameGap", 30, "min", 1, "max", DAYS),
                "yAxis", Map.of("type", "value", "name", "% of impressions that are clickbait", "min", 0, "max", 100),
                "series", series));
    }
}
