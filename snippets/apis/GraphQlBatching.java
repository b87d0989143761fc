package apis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The N+1 problem of GraphQL resolvers, counted. The query asks for posts, each post's author, its
 * first comments and each comment's author:
 *
 *   { posts(first: N) { title author { name } comments(first: 5) { text author { name } } } }
 *
 * Naive resolvers issue one database call per parent object; a DataLoader collects the keys asked for
 * at one level of the query and issues one batched call per level.
 */
public class GraphQlBatching {

    record Post(int id, int authorId) {
    }

    record Comment(int postId, int authorId) {
    }

    // tag::db[]
    /** A database stand-in that counts round trips, the cost that N+1 multiplies. */
    static class InMemoryDb {
        int queries;

        List<Post> posts(int first) {
            queries++;
            List<Post> posts = new ArrayList<>();
            for (int id = 1; id <= first; id++) {
                posts.add(new Post(id, id % 7));
            }
            return posts;
        }

        /** SELECT ... FROM users WHERE id IN (...) : one round trip for any number of ids. */
        Map<Integer, String> usersById(Set<Integer> ids) {
            queries++;
            Map<Integer, String> users = new HashMap<>();
            ids.forEach(id -> users.put(id, "user" + id));
            return users;
        }

        Map<Integer, List<Comment>> commentsByPost(Set<Integer> postIds, int first) {
            queries++;
            Map<Integer, List<Comment>> byPost = new HashMap<>();
            for (int postId : postIds) {
                List<Comment> comments = new ArrayList<>();
                for (int c = 0; c < first; c++) {
                    comments.add(new Comment(postId, (postId * 5 + c) % 40));
                }
                byPost.put(postId, comments);
            }
            return byPost;
        }
    }
    // end::db[]

    // tag::shown[]
    /** Each resolver fetches what its parent needs, one object at a time. */
    static int naive(int posts) {
        InMemoryDb db = new InMemoryDb();
        for (Post post : db.posts(posts)) {
            db.usersById(Set.of(post.authorId()));                             // post.author
            for (Comment c : db.commentsByPost(Set.of(post.id()), 5).get(post.id())) {
                db.usersById(Set.of(c.authorId()));                            // comment.author
            }
        }
        return db.queries;
    }
    // end::shown[]

    // tag::shown[]

    /** Collects keys until dispatch(), then loads them all in one call; caches per request. */
    static class DataLoader<K, V> {
        private final Function<Set<K>, Map<K, V>> batch;
        private final Map<K, CompletableFuture<V>> cache = new HashMap<>();
        private final Set<K> pending = new LinkedHashSet<>();

        DataLoader(Function<Set<K>, Map<K, V>> batch) {
            this.batch = batch;
        }

        CompletableFuture<V> load(K key) {
            return cache.computeIfAbsent(key, k -> {
                pending.add(k);
                return new CompletableFuture<>();
            });
        }

        void dispatch() {
            if (pending.isEmpty()) {
                return;
            }
            Map<K, V> values = batch.apply(Set.copyOf(pending));
            pending.forEach(k -> cache.get(k).complete(values.get(k)));
            pending.clear();
        }
    }

    /** The executor resolves the query level by level and dispatches the loaders after each. */
    static int batched(int posts) {
        InMemoryDb db = new InMemoryDb();
        DataLoader<Integer, String> users = new DataLoader<>(db::usersById);
        DataLoader<Integer, List<Comment>> comments =
                new DataLoader<>(ids -> db.commentsByPost(ids, 5));
        List<CompletableFuture<List<Comment>>> commentLists = new ArrayList<>();
        for (Post post : db.posts(posts)) {
            users.load(post.authorId());
            commentLists.add(comments.load(post.id()));
        }
        users.dispatch();                     // level 2: all post authors in one query
        comments.dispatch();                  // level 2: all comment lists in one query
        for (CompletableFuture<List<Comment>> list : commentLists) {
            list.join().forEach(c -> users.load(c.authorId()));
        }
        users.dispatch();                     // level 3: comment authors not already loaded
        return db.queries;
    }
    // end::shown[]

    /** Worst-case objects a nested query can make the server resolve: the product of the page sizes. */
    static long objectsResolved(int... pageSizes) {
        long total = 0, level = 1;
        for (int size : pageSizes) {
            level *= size;
            total += level;
        }
        return total;
    }

    // tag::shown[]

    public static void main(String[] args) {
        System.out.printf("%6s %16s %16s%n", "posts", "naive queries", "with DataLoader");
        for (int n : new int[] {1, 10, 50, 100}) {
            System.out.printf("%6d %16d %16d%n", n, naive(n), batched(n));
        }
        System.out.println("posts(first:100){comments(first:100){author{posts(first:100)}}}");
        System.out.printf("  can make the server resolve %,d objects%n",
                objectsResolved(100, 100, 1, 100));
    }
    // end::shown[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("naive-50", naive(50));
        f.put("batched-50", batched(50));
        f.put("naive-100", naive(100));
        f.put("batched-100", batched(100));
        f.put("comments-per-post", 5);
        f.put("round-trips-per-post", naive(2) - naive(1));
        f.put("nested-objects", objectsResolved(100, 100, 1, 100));
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Integer>> naive = new ArrayList<>(), batched = new ArrayList<>();
        for (int n = 1; n <= 100; n = n < 10 ? n + 1 : n + 10) {
            naive.add(List.of(n, naive(n)));
            batched.add(List.of(n, batched(n)));
        }
        return Map.of("n-plus-one", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 60, "right", 30, "top", 50, "bottom", 50),
                "xAxis", Map.of("type", "value", "name", "posts on the page", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "log", "name", "database round trips (log scale)", "min", 1),
                "series", List.of(
                        Map.of("type", "line", "name", "naive resolvers", "data", naive),
                        Map.of("type", "line", "name", "DataLoader batching", "data", batched))));
    }
}
