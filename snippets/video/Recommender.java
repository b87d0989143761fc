package video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The three stages of a video recommender on a toy catalog: retrieve by embedding similarity (cheap,
 * over everything), rank with a richer score (expensive, over the candidates), re-rank for the page
 * (rules: nothing just watched, at most two per creator, one exploration slot). The point is the funnel:
 * each stage spends more per item on fewer items.
 */
public class Recommender {

    // Assumptions, stated once.
    static final int VIDEOS = 50_000;
    static final int CREATORS = 2_000;
    static final int DIMENSIONS = 16;
    static final int RETRIEVED = 1_000, SHOWN = 25;
    static final int MAX_PER_CREATOR = 2;

    record Video(int id, int creator, float[] embedding, double ageDays, double lengthMinutes) {
    }

    static float[] randomUnit(Random random) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Creators have a style; their videos cluster around it. */
    static List<Video> catalog(Random random) {
        float[][] style = new float[CREATORS][];
        for (int c = 0; c < CREATORS; c++) {
            style[c] = randomUnit(random);
        }
        List<Video> videos = new ArrayList<>();
        for (int id = 0; id < VIDEOS; id++) {
            int creator = (int) Math.min(CREATORS - 1, Math.floor(CREATORS * Math.pow(random.nextDouble(), 2)));
            float[] noise = randomUnit(random), e = new float[DIMENSIONS];
            for (int i = 0; i < DIMENSIONS; i++) {
                e[i] = style[creator][i] + 0.6f * noise[i];
            }
            videos.add(new Video(id, creator, e, random.nextDouble() * 1_000, 2 + random.nextDouble() * 30));
        }
        return videos;
    }

    record Stage(String name, int itemsIn, int itemsOut, long work) {
    }

    // tag::funnel[]
    /** Stage 1: the user's embedding against every video's (production: an approximate NN index). */
    static List<Video> retrieve(float[] user, List<Video> catalog, long[] work) {
        work[0] += catalog.size();
        return catalog.stream()
                .sorted(Comparator.comparingDouble((Video v) -> -dot(user, v.embedding())))
                .limit(RETRIEVED).toList();
    }

    /** Stage 2: a richer score per candidate, expected watch minutes (in production, a deep net). */
    static List<Video> rank(float[] user, List<Video> candidates, Map<Integer, Double> affinity,
                            long[] work) {
        work[0] += candidates.size();
        return candidates.stream()
                .sorted(Comparator.comparingDouble((Video v) -> -expectedMinutes(user, v, affinity)))
                .toList();
    }

    static double expectedMinutes(float[] user, Video v, Map<Integer, Double> affinityByCreator) {
        double interest = 1 / (1 + Math.exp(-6 * (dot(user, v.embedding()) - 0.8)));   // P(click)
        double freshness = Math.exp(-v.ageDays() / 180);
        double completion = 0.6 / (1 + v.lengthMinutes() / 20);      // long videos are finished less
        double affinity = 1 + affinityByCreator.getOrDefault(v.creator(), 0.0);
        return interest * (0.7 + 0.3 * freshness) * affinity * completion * v.lengthMinutes();
    }

    /** Stage 3: page rules. Drop the just-watched, cap each creator, keep one slot to explore. */
    static List<Video> rerank(List<Video> ranked, Set<Integer> watched, Video explore, long[] work) {
        List<Video> page = new ArrayList<>();
        Map<Integer, Integer> perCreator = new HashMap<>();
        for (Video v : ranked) {
            if (page.size() == SHOWN - 1) {
                break;
            }
            work[0]++;
            boolean fresh = !watched.contains(v.id());
            if (fresh && perCreator.merge(v.creator(), 1, Integer::sum) <= MAX_PER_CREATOR) {
                page.add(v);
            }
        }
        page.add(page.size() / 2, explore);           // a new video the model knows little about
        return page;
    }
    // end::funnel[]

    static int distinctCreators(List<Video> videos) {
        Set<Integer> c = new HashSet<>();
        videos.forEach(v -> c.add(v.creator()));
        return c.size();
    }

    record Result(List<Stage> stages, int creatorsTopRanked, int creatorsOnPage, int justWatchedRemoved) {
    }

    static Result recommend() {
        Random random = new Random(10);
        List<Video> catalog = catalog(random);
        List<Video> history = new ArrayList<>();                   // a fan of three creators
        List<Integer> favourites = List.of(3, 17, 40);
        for (Video v : catalog) {
            if (favourites.contains(v.creator()) && history.size() < 30 && random.nextDouble() < 0.5) {
                history.add(v);
            }
        }
        float[] user = new float[DIMENSIONS];
        Map<Integer, Double> affinity = new HashMap<>();
        for (Video v : history) {
            for (int i = 0; i < DIMENSIONS; i++) {
                user[i] += v.embedding()[i] / history.size();
            }
            affinity.merge(v.creator(), 0.05, Double::sum);
        }
        Set<Integer> justWatched = new HashSet<>();
        history.subList(25, 30).forEach(v -> justWatched.add(v.id()));
        long[] work = {0};
        List<Video> candidates = retrieve(user, catalog, work);
        long retrieveWork = work[0];
        List<Video> ranked = rank(user, candidates, affinity, work);
        Video fresh = catalog.stream().filter(v -> v.ageDays() < 1).findFirst().orElseThrow();
        long rankWork = work[0] - retrieveWork;
        List<Video> page = rerank(ranked, justWatched, fresh, work);
        int removed = (int) ranked.subList(0, SHOWN).stream().filter(v -> justWatched.contains(v.id())).count();
        List<Stage> stages = List.of(
                new Stage("retrieve (embedding dot product)", catalog.size(), candidates.size(), retrieveWork),
                new Stage("rank (expected watch minutes)", candidates.size(), ranked.size(), rankWork),
                new Stage("re-rank (rules, exploration)", ranked.size(), page.size(), work[0] - retrieveWork - rankWork));
        return new Result(stages, distinctCreators(ranked.subList(0, SHOWN)), distinctCreators(page), removed);
    }

    static final Result RESULT = recommend();

    public static void main(String[] args) {
        for (Stage s : RESULT.stages()) {
            System.out.printf("%-34s %,7d -> %,5d items (%,d examined)%n", s.name(), s.itemsIn(), s.itemsOut(), s.work());
        }
        System.out.printf("Creators among the top %d by rank: %d; on the page after re-ranking: %d%n", SHOWN,
                RESULT.creatorsTopRanked(), RESULT.creatorsOnPage());
        System.out.printf("Just-watched videos the ranker put in its top %d: %d (removed)%n", SHOWN,
                RESULT.justWatchedRemoved());
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("toy-catalog", VIDEOS);
        f.put("retrieved", RETRIEVED);
        f.put("shown", SHOWN);
        f.put("max-per-creator", MAX_PER_CREATOR);
        f.put("creators-top-ranked", RESULT.creatorsTopRanked());
        f.put("creators-on-page", RESULT.creatorsOnPage());
        f.put("just-watched-removed", RESULT.justWatchedRemoved());
        f.put("rerank-examined", RESULT.stages().get(2).work());
        f.put("real-catalog", 1e9);
        f.put("real-ranked-share", RETRIEVED / 1e9);
        return f;
    }
}
