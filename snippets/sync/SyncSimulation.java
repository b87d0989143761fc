package sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Three devices of one user keep a folder in sync through a server: a namespace journal (an ordered
 * log of changes, read from a cursor), a metadata table (path to revision and block list) and a
 * content-addressed block store. Two devices edit the same file offline while the third deletes it;
 * every interleaving of their steps is replayed under two server policies, last-writer-wins and
 * "commit only on the revision you started from, else keep a conflicted copy".
 */
public class SyncSimulation {

    static final int BLOCK_CHARS = 8; // tiny blocks, so one sentence spans several (Dropbox uses 4 MiB)

    enum Policy { LAST_WRITER_WINS, CONFLICT_COPY }

    record Event(long seq, String kind, String path, long rev, List<String> blocks) {
    }

    record FileEntry(long rev, List<String> blocks) {
    }

    /** The result of a commit: accepted with a new revision, or rejected because the base is stale. */
    record Commit(boolean accepted, long rev) {
    }

    // tag::core[]
    /** Append-only, ordered log of one namespace; a cursor is the last sequence number a client applied. */
    static final class InMemoryJournal {
        final List<Event> events = new ArrayList<>();

        Event append(String kind, String path, long rev, List<String> blocks) {
            Event e = new Event(events.size() + 1, kind, path, rev, blocks);
            events.add(e);
            return e;
        }

        /** What a long-poll returns: every event after the cursor (here without the wait). */
        List<Event> after(long cursor) {
            return List.copyOf(events.subList((int) cursor, events.size()));
        }
    }

    // end::core[]

    /** Blocks keyed by the hash of their content: uploading a block the store has is a no-op. */
    static final class InMemoryBlockStore {
        final Map<String, String> blocks = new HashMap<>();

        boolean has(String hash) {
            return blocks.containsKey(hash);
        }

        void put(String hash, String content) {
            blocks.put(hash, content);
        }

        String get(String hash) {
            return blocks.get(hash);
        }
    }

    // tag::core[]
    /** The metadata server: the current revision of every path, and the rule for stale commits. */
    static final class MetadataServer {
        final Map<String, FileEntry> files = new TreeMap<>();
        final InMemoryJournal journal = new InMemoryJournal();
        final InMemoryBlockStore blockStore = new InMemoryBlockStore();
        final Policy policy;
        final List<String> decisions = new ArrayList<>(); // what the server said to each attempt
        long lastRev = 0;

        MetadataServer(Policy policy) {
            this.policy = policy;
        }

        long currentRev(String path) {
            FileEntry f = files.get(path);
            return f == null ? 0 : f.rev();
        }

        /** An edit made on top of revision {@code base} (0: the client believes the path is new). */
        Commit commit(String device, String path, long base, List<String> blocks) {
            if (policy == Policy.CONFLICT_COPY && currentRev(path) != base) {
                decide(device + " commits", path, base, "rejected, now rev " + currentRev(path));
                return new Commit(false, currentRev(path)); // someone else got there first
            }
            String kind = files.containsKey(path) ? "modified" : "added";
            long rev = ++lastRev;
            files.put(path, new FileEntry(rev, blocks));
            journal.append(kind, path, rev, blocks);
            decide(device + " commits", path, base, kind + " as rev " + rev);
            return new Commit(true, rev);
        }

        /** A delete made on top of {@code base}; under CONFLICT_COPY an edit the deleter never saw wins. */
        Commit delete(String device, String path, long base) {
            if (!files.containsKey(path)) {
                return new Commit(true, 0); // already gone
            }
            if (policy == Policy.CONFLICT_COPY && currentRev(path) != base) {
                decide(device + " deletes", path, base, "rejected, now rev " + currentRev(path));
                return new Commit(false, currentRev(path));
            }
            long rev = ++lastRev;
            files.remove(path);
            journal.append("deleted", path, rev, List.of());
            decide(device + " deletes", path, base, "deleted as rev " + rev);
            return new Commit(true, rev);
        }

        private void decide(String who, String path, long base, String outcome) {
            decisions.add(who + " " + path + " on rev " + base + ": " + outcome);
        }
    }
    // end::core[]

    static final class Client {
        final String name;
        final Map<String, String> folder = new TreeMap<>();   // the local folder: path -> content
        final Map<String, Long> baseRev = new HashMap<>();    // server revision each local file derives from
        final Map<String, String> blockCache = new HashMap<>(); // blocks this device holds, by hash
        final List<String> pending = new ArrayList<>();      // paths changed locally, not yet committed
        long cursor = 0;
        int blocksUploaded, blocksSkipped, blocksDownloaded, conflictCopies;

        Client(String name) {
            this.name = name;
        }

        void edit(String path, String content) {
            folder.put(path, content);
            markPending(path);
        }

        void delete(String path) {
            folder.remove(path);
            markPending(path);
        }

        private void markPending(String path) {
            pending.remove(path);
            pending.add(path);
        }

        void sync(MetadataServer server) {
            push(server);
            pull(server);
        }

        // tag::core[]
        /** Upload the blocks the server lacks, then commit each changed path on its base revision. */
        void push(MetadataServer server) {
            for (String path : List.copyOf(pending)) {
                long base = baseRev.getOrDefault(path, 0L);
                String content = folder.get(path);
                if (content == null) {
                    if (server.delete(name, path, base).accepted()) {
                        baseRev.remove(path);
                    } // else: someone edited it meanwhile; the pull brings the edit back
                    continue;
                }
                List<String> blocks = upload(server, content);
                Commit c = server.commit(name, path, base, blocks);
                if (c.accepted()) {
                    baseRev.put(path, c.rev());
                } else if (c.rev() == 0) {
                    // deleted remotely while we edited: the edit wins, the file comes back
                    baseRev.put(path, server.commit(name, path, 0, blocks).rev());
                } else {
                    // edited remotely too: keep ours under a new name, let the pull bring theirs
                    String copy = conflictName(path);
                    folder.remove(path);
                    folder.put(copy, content);
                    baseRev.remove(path);
                    baseRev.put(copy, server.commit(name, copy, 0, blocks).rev());
                    conflictCopies++;
                }
            }
            pending.clear();
        }
        // end::core[]

        // tag::core[]
        /** The sync loop's body: apply every event after the cursor, fetching only missing blocks. */
        void pull(MetadataServer server) {
            for (Event ev : server.journal.after(cursor)) {
                switch (ev.kind()) {
                    case "added", "modified" -> {
                        StringBuilder content = new StringBuilder();
                        for (String hash : ev.blocks()) {
                            if (!blockCache.containsKey(hash)) {
                                blockCache.put(hash, server.blockStore.get(hash));
                                blocksDownloaded++;
                            }
                            content.append(blockCache.get(hash));
                        }
                        folder.put(ev.path(), content.toString());
                        baseRev.put(ev.path(), ev.rev());
                    }
                    case "deleted" -> {
                        folder.remove(ev.path());
                        baseRev.remove(ev.path());
                    }
                    default -> throw new IllegalStateException(ev.kind());
                }
                cursor = Math.max(cursor, ev.seq());
            }
        }
        // end::core[]

        private List<String> upload(MetadataServer server, String content) {
            List<String> hashes = new ArrayList<>();
            for (int i = 0; i < content.length(); i += BLOCK_CHARS) {
                String block = content.substring(i, Math.min(content.length(), i + BLOCK_CHARS));
                String hash = hash(block);
                blockCache.put(hash, block);
                if (server.blockStore.has(hash)) {
                    blocksSkipped++;
                } else {
                    server.blockStore.put(hash, block);
                    blocksUploaded++;
                }
                hashes.add(hash);
            }
            return hashes;
        }

        private String conflictName(String path) {
            int dot = path.lastIndexOf('.');
            return path.substring(0, dot) + " (" + name + "'s conflicted copy)" + path.substring(dot);
        }
    }

    static String hash(String block) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the scenario ----

    record Step(String device, String action, String path, String content) {
        @Override
        public String toString() {
            return device + " " + action;
        }
    }

    static final List<String> DEVICES = List.of("laptop", "phone", "desktop");
    static final String NOTES = "notes.txt";
    static final String ORIGINAL = "Agenda: launch, hiring. ";
    static final String LAPTOP_EDIT = ORIGINAL + "Laptop adds: budget is 40k.";
    static final String PHONE_EDIT = ORIGINAL + "Phone adds: launch moves to May.";

    /** Each device's offline script: two edits of the same file and a delete of it, each followed by a sync. */
    static final List<List<Step>> SCRIPTS = List.of(
            List.of(new Step("laptop", "edit", NOTES, LAPTOP_EDIT), new Step("laptop", "sync", null, null)),
            List.of(new Step("phone", "edit", NOTES, PHONE_EDIT), new Step("phone", "sync", null, null)),
            List.of(new Step("desktop", "delete", NOTES, null), new Step("desktop", "sync", null, null)));

    record Outcome(boolean converged, int conflictCopies, int lostEdits, Map<String, String> finalTree,
                   MetadataServer server, Map<String, Client> clients) {
    }

    /** Runs one interleaving from a synced start, then lets every device sync until all agree. */
    static Outcome run(Policy policy, List<Step> order) {
        MetadataServer server = new MetadataServer(policy);
        Map<String, Client> clients = new LinkedHashMap<>();
        DEVICES.forEach(d -> clients.put(d, new Client(d)));
        clients.get("laptop").edit(NOTES, ORIGINAL);
        clients.values().forEach(c -> c.sync(server));
        for (Step s : order) {
            Client c = clients.get(s.device());
            switch (s.action()) {
                case "edit" -> c.edit(s.path(), s.content());
                case "delete" -> c.delete(s.path());
                case "sync" -> c.sync(server);
                default -> throw new IllegalStateException(s.action());
            }
        }
        clients.values().forEach(c -> c.sync(server)); // one more round so everyone sees the last commit
        Map<String, String> serverTree = new TreeMap<>(clients.get("laptop").folder);
        boolean converged = clients.values().stream().allMatch(c -> c.folder.equals(serverTree))
                && serverTree.keySet().equals(server.files.keySet());
        int lost = 0;
        for (String edit : List.of(LAPTOP_EDIT, PHONE_EDIT)) {
            if (!serverTree.containsValue(edit)) {
                lost++;
            }
        }
        int copies = clients.values().stream().mapToInt(c -> c.conflictCopies).sum();
        return new Outcome(converged, copies, lost, serverTree, server, clients);
    }

    /** Every order of the three scripts that keeps each device's own steps in order. */
    static List<List<Step>> interleavings(List<List<Step>> scripts) {
        List<List<Step>> out = new ArrayList<>();
        interleave(scripts, new int[scripts.size()], new ArrayList<>(), out);
        return out;
    }

    private static void interleave(List<List<Step>> scripts, int[] next, List<Step> prefix, List<List<Step>> out) {
        boolean any = false;
        for (int i = 0; i < scripts.size(); i++) {
            if (next[i] < scripts.get(i).size()) {
                any = true;
                prefix.add(scripts.get(i).get(next[i]++));
                interleave(scripts, next, prefix, out);
                next[i]--;
                prefix.remove(prefix.size() - 1);
            }
        }
        if (!any) {
            out.add(List.copyOf(prefix));
        }
    }

    record Summary(int runs, int converged, int withLoss, int lostEdits, int conflictCopies, int minCopies, int maxCopies) {
    }

    static Summary summarise(Policy policy) {
        List<List<Step>> orders = interleavings(SCRIPTS);
        int converged = 0, withLoss = 0, lost = 0, copies = 0, min = Integer.MAX_VALUE, max = 0;
        for (List<Step> order : orders) {
            Outcome o = run(policy, order);
            converged += o.converged() ? 1 : 0;
            withLoss += o.lostEdits() > 0 ? 1 : 0;
            lost += o.lostEdits();
            copies += o.conflictCopies();
            min = Math.min(min, o.conflictCopies());
            max = Math.max(max, o.conflictCopies());
        }
        return new Summary(orders.size(), converged, withLoss, lost, copies, min, max);
    }

    public static void main(String[] args) {
        List<Step> story = List.of(SCRIPTS.get(1).get(0), SCRIPTS.get(0).get(0), SCRIPTS.get(2).get(0),
                SCRIPTS.get(1).get(1), SCRIPTS.get(0).get(1), SCRIPTS.get(2).get(1));
        System.out.println("One order: " + story);
        for (Policy policy : Policy.values()) {
            Outcome o = run(policy, story);
            System.out.println(policy + ", what the server decided:");
            o.server().decisions.forEach(d -> System.out.println("  " + d));
            System.out.println("  final folder on every device:" + (o.finalTree().isEmpty() ? " (empty)" : ""));
            o.finalTree().forEach((path, text) -> System.out.printf("    %-36s \"%s\"%n", path, text));
            System.out.printf("  devices identical: %s, edits lost: %d%n", o.converged(), o.lostEdits());
        }
        Client laptop = run(Policy.CONFLICT_COPY, story).clients().get("laptop");
        System.out.printf("Laptop's blocks over the whole run: %d uploaded, %d already on the server, %d downloaded%n",
                laptop.blocksUploaded, laptop.blocksSkipped, laptop.blocksDownloaded);
        System.out.println("Every interleaving of the three offline scripts:");
        for (Policy policy : Policy.values()) {
            Summary s = summarise(policy);
            System.out.printf("  %-16s %d orders, converged in %d, lost an edit in %d (%d edits), conflict copies %d-%d%n",
                    policy, s.runs(), s.converged(), s.withLoss(), s.lostEdits(), s.minCopies(), s.maxCopies());
        }
    }

    public static Map<String, Object> facts() {
        Summary lww = summarise(Policy.LAST_WRITER_WINS);
        Summary copy = summarise(Policy.CONFLICT_COPY);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("devices", DEVICES.size());
        f.put("steps-per-device", SCRIPTS.get(0).size());
        f.put("interleavings", copy.runs());
        f.put("copy-converged", copy.converged());
        f.put("copy-runs-with-loss", copy.withLoss());
        f.put("copy-min-copies", copy.minCopies());
        f.put("copy-max-copies", copy.maxCopies());
        f.put("lww-converged", lww.converged());
        f.put("lww-runs-with-loss", lww.withLoss());
        f.put("lww-lost-edits", lww.lostEdits());
        f.put("lww-loss-share", (double) lww.withLoss() / lww.runs());
        f.put("lww-lost-per-run", (double) lww.lostEdits() / lww.runs());
        return f;
    }
}
