package drive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Content-addressed storage: every chunk is stored once, under its SHA-256, and a file is an ordered
 * list of chunk hashes. Two users, one shared PDF, one edit and one garbage collection show where the
 * bytes go. Chunks are 64 KiB here (4 MiB in the usual design); the counts scale with the ratio.
 */
public class DedupStore {

    // Assumptions, stated once.
    static final int CHUNK = 64 << 10;
    static final int PDF_BYTES = 2 << 20;

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // tag::store[]
    /** Stand-in for the blob store: PUT /blobs/{sha256}, idempotent, reference-counted. */
    static class InMemoryBlobStore {
        private final Map<String, byte[]> blobs = new HashMap<>();
        private final Map<String, Integer> references = new HashMap<>();

        boolean has(String hash) {
            return blobs.containsKey(hash);
        }

        /** Stores the chunk unless present; refuses bytes that do not match their hash. */
        void put(String hash, byte[] chunk) {
            if (!sha256(chunk).equals(hash)) {
                throw new IllegalArgumentException("chunk does not match its hash");
            }
            blobs.putIfAbsent(hash, chunk);
        }

        void reference(String hash, int delta) {
            references.merge(hash, delta, Integer::sum);
        }

        /** Deletes every blob no manifest refers to; returns the bytes freed. */
        long collectGarbage() {
            long freed = 0;
            for (String hash : new ArrayList<>(blobs.keySet())) {
                if (references.getOrDefault(hash, 0) == 0) {
                    freed += blobs.remove(hash).length;
                    references.remove(hash);
                }
            }
            return freed;
        }

        long physicalBytes() {
            return blobs.values().stream().mapToLong(b -> b.length).sum();
        }
    }

    /** Stand-in for the metadata service: file id -> ordered chunk hashes (the manifest). */
    static class Metadata {
        final Map<String, List<String>> manifests = new HashMap<>();
        final Map<String, Long> sizes = new HashMap<>();

        /** Commits a new version; the old version's chunks lose one reference each. */
        void commit(String fileId, List<String> manifest, long size, InMemoryBlobStore store) {
            manifest.forEach(h -> store.reference(h, +1));
            List<String> old = manifests.put(fileId, manifest);
            if (old != null) {
                old.forEach(h -> store.reference(h, -1));
            }
            sizes.put(fileId, size);
        }

        void delete(String fileId, InMemoryBlobStore store) {
            manifests.remove(fileId).forEach(h -> store.reference(h, -1));
            sizes.remove(fileId);
        }

        long logicalBytes() {
            return sizes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The client: hash every chunk, send only those the store lacks. Returns bytes sent. */
    static long upload(String fileId, byte[] file, InMemoryBlobStore store, Metadata metadata) {
        List<String> manifest = new ArrayList<>();
        long sent = 0;
        for (int at = 0; at < file.length; at += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(file, at, Math.min(file.length, at + CHUNK));
            String hash = sha256(chunk);
            manifest.add(hash);
            if (!store.has(hash)) {
                store.put(hash, chunk);
                sent += chunk.length;
            }
        }
        metadata.commit(fileId, manifest, file.length, store);
        return sent;
    }
    // end::store[]

    record Step(String what, long sentBytes, long logicalBytes, long physicalBytes) {
    }

    static List<Step> scenario() {
        InMemoryBlobStore store = new InMemoryBlobStore();
        Metadata metadata = new Metadata();
        byte[] pdf = new byte[PDF_BYTES];
        new Random(3).nextBytes(pdf);
        List<Step> steps = new ArrayList<>();
        long sent = upload("alice/report.pdf", pdf, store, metadata);
        steps.add(new Step("Alice uploads report.pdf", sent, metadata.logicalBytes(), store.physicalBytes()));
        sent = upload("bob/report.pdf", pdf, store, metadata);
        steps.add(new Step("Bob uploads the same PDF", sent, metadata.logicalBytes(), store.physicalBytes()));
        byte[] edited = pdf.clone();
        Arrays.fill(edited, 300_000, 300_100, (byte) 7);            // Alice fixes a typo on page 3
        sent = upload("alice/report.pdf", edited, store, metadata);
        steps.add(new Step("Alice saves an edit", sent, metadata.logicalBytes(), store.physicalBytes()));
        long freed = store.collectGarbage();                          // Bob still uses the old chunk
        steps.add(new Step(String.format("GC runs, frees %,d B", freed), 0, metadata.logicalBytes(), store.physicalBytes()));
        metadata.delete("bob/report.pdf", store);
        steps.add(new Step("Bob deletes his copy", 0, metadata.logicalBytes(), store.physicalBytes()));
        freed = store.collectGarbage();
        steps.add(new Step(String.format("GC runs, frees %,d B", freed), 0, metadata.logicalBytes(), store.physicalBytes()));
        return steps;
    }

    static final List<Step> STEPS = scenario();

    public static void main(String[] args) {
        System.out.printf("%-34s %12s %14s %14s%n", "step", "bytes sent", "logical bytes", "stored bytes");
        for (Step s : STEPS) {
            System.out.printf("%-34s %,12d %,14d %,14d%n", s.what(), s.sentBytes(), s.logicalBytes(), s.physicalBytes());
        }
        Step shared = STEPS.get(3);
        System.out.printf("Dedup ratio while both copies exist: %.2f (logical / stored)%n",
                (double) shared.logicalBytes() / shared.physicalBytes());
    }

    public static Map<String, Object> facts() {
        Step shared = STEPS.get(3), last = STEPS.get(STEPS.size() - 1);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("dedup-chunk-kib", CHUNK / 1024.0);
        f.put("pdf-mib", PDF_BYTES / 1024.0 / 1024);
        f.put("bob-sent", STEPS.get(1).sentBytes());
        f.put("edit-sent-kib", STEPS.get(2).sentBytes() / 1024.0);
        f.put("stored-after-edit", STEPS.get(2).physicalBytes());
        f.put("first-gc-freed", STEPS.get(2).physicalBytes() - shared.physicalBytes());
        f.put("second-gc-freed-kib", (STEPS.get(4).physicalBytes() - last.physicalBytes()) / 1024.0);
        f.put("stored-at-end", last.physicalBytes());
        f.put("dedup-ratio", (double) shared.logicalBytes() / shared.physicalBytes());
        return f;
    }
}
