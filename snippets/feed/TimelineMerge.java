package feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The hybrid home timeline at read time: the reader's pushed inbox merged with the recent posts of the
 * celebrities they follow, newest first. Post IDs are time-ordered (a timestamp in the high bits, as in
 * Snowflake IDs), so merging by ID is merging by time.
 */
public class TimelineMerge {

    /** Stand-in for Redis lists: LPUSH puts the newest first, LRANGE reads from the front. */
    static final class InMemoryRedis {
        private final Map<String, LinkedList<Long>> lists = new HashMap<>();
        int calls;

        void lpush(String key, long value) {
            lists.computeIfAbsent(key, k -> new LinkedList<>()).addFirst(value);
        }

        List<Long> lrange(String key, int start, int stop) {
            calls++;
            List<Long> list = lists.getOrDefault(key, new LinkedList<>());
            return new ArrayList<>(list.subList(Math.min(start, list.size()), Math.min(stop + 1, list.size())));
        }
    }

    /** A post ID whose high bits are the minute it was written: larger means newer. */
    static long postId(int minute, int author) {
        return ((long) minute << 22) | author;
    }

    static int minuteOf(long id) {
        return (int) (id >>> 22);
    }

    static int authorOf(long id) {
        return (int) (id & 0x3FFFFF);
    }

    // tag::merge[]
    record Cursor(List<Long> posts, int index) {
        long head() {
            return posts.get(index);
        }
    }

    record Merged(List<Long> feed, int candidates, int duplicates, int deleted) {
    }

    /** k-way merge, newest first: O(n log k) for n candidates from k lists. */
    static Merged merge(List<List<Long>> lists, Set<Long> deleted, int limit) {
        PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> Long.compare(b.head(), a.head()));
        int candidates = 0;
        for (List<Long> list : lists) {
            candidates += list.size();
            if (!list.isEmpty()) {
                heads.add(new Cursor(list, 0));
            }
        }
        List<Long> feed = new ArrayList<>();
        int duplicates = 0, dropped = 0;
        long previous = Long.MAX_VALUE;
        while (!heads.isEmpty() && feed.size() < limit) {
            Cursor c = heads.poll();
            long id = c.head();
            if (id == previous) {
                duplicates++;              // pushed and pulled at once, e.g. while an author is being promoted
            } else if (deleted.contains(id)) {
                dropped++;                 // deletions are filtered at read time, never chased through inboxes
            } else {
                feed.add(id);
            }
            previous = id;
            if (c.index() + 1 < c.posts().size()) {
                heads.add(new Cursor(c.posts(), c.index() + 1));
            }
        }
        return new Merged(feed, candidates, duplicates, dropped);
    }

    static Merged homeTimeline(InMemoryRedis redis, String reader, List<String> celebritiesFollowed,
                               Set<Long> deleted, int limit) {
        List<List<Long>> lists = new ArrayList<>();
        lists.add(redis.lrange("feed:" + reader, 0, limit - 1));          // pushed inbox: one read
        for (String celebrity : celebritiesFollowed) {                    // pulled: one read per celebrity
            lists.add(redis.lrange("user_posts:" + celebrity, 0, 49));
        }
        return merge(lists, deleted, limit);
    }
    // end::merge[]

    static final String[] AUTHORS = {"", "bob", "carol", "dave", "popstar", "athlete"};

    public static void main(String[] args) {
        InMemoryRedis redis = new InMemoryRedis();
        // Normal accounts were pushed into alice's inbox as they posted (oldest pushed first).
        int[][] pushed = {{1, 1}, {3, 2}, {6, 3}, {8, 1}, {12, 2}, {15, 5}, {17, 3}};
        for (int[] p : pushed) {
            redis.lpush("feed:alice", postId(p[0], p[1]));
        }
        // Celebrities' own timelines; athlete's minute-15 post was pushed before the account was promoted.
        int[][] celebrity = {{2, 4}, {9, 4}, {14, 4}, {5, 5}, {11, 5}, {15, 5}};
        for (int[] p : celebrity) {
            redis.lpush("user_posts:" + AUTHORS[p[1]], postId(p[0], p[1]));
        }
        Set<Long> deleted = Set.of(postId(12, 2));                      // carol deleted her minute-12 post
        Merged m = homeTimeline(redis, "alice", List.of("popstar", "athlete"), deleted, 10);
        System.out.println("alice's home timeline, newest first:");
        for (long id : m.feed()) {
            System.out.printf("  minute %2d  %s%n", minuteOf(id), AUTHORS[authorOf(id)]);
        }
        System.out.printf("%d list reads, %d candidates, %d duplicate dropped, %d deleted post dropped, %d shown%n",
                redis.calls, m.candidates(), m.duplicates(), m.deleted(), m.feed().size());
    }
}
