package storage;

// run: timeout=20s

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Object, block and file storage as in-memory stand-ins with the same update semantics, driven by the
 * same workload: small random updates to one file, the way a database writes its pages. What each
 * store must move per update is the whole argument for which one a database sits on.
 */
public class StorageKinds {

    static final int FILE_BYTES = 1024 * 1024;       // a 1 MiB database file
    static final int UPDATES = 200;                   // random 100-byte updates
    static final int UPDATE_BYTES = 100;
    static final int BLOCK_BYTES = 4096;

    // tag::stores[]
    /** Object storage: whole-object GET and PUT by key; there is no "write these 100 bytes". */
    static class InMemoryObjectStore {
        private final Map<String, byte[]> objects = new HashMap<>();
        long bytesMoved;

        void put(String key, byte[] body) {
            objects.put(key, body.clone()); // a PUT replaces the object atomically
            bytesMoved += body.length;
        }

        byte[] get(String key) {
            byte[] body = objects.get(key);
            bytesMoved += body.length;
            return body.clone();
        }
    }

    /** Block storage: fixed-size blocks on a volume attached to one machine at a time. */
    static class InMemoryBlockVolume {
        private final byte[][] blocks;
        private String attachedTo;
        long bytesMoved;

        InMemoryBlockVolume(int sizeBytes) {
            blocks = new byte[sizeBytes / BLOCK_BYTES][BLOCK_BYTES];
        }

        void attach(String machine) {
            if (attachedTo != null && !attachedTo.equals(machine)) {
                throw new IllegalStateException("volume already attached to " + attachedTo);
            }
            attachedTo = machine;
        }

        /** Writes land on whole blocks: each block touched is read, modified and written. */
        void write(String machine, long offset, byte[] data) {
            if (!machine.equals(attachedTo)) {
                throw new IllegalStateException(machine + " has not attached this volume");
            }
            for (int i = 0; i < data.length; i++) {
                long at = offset + i;
                blocks[(int) (at / BLOCK_BYTES)][(int) (at % BLOCK_BYTES)] = data[i];
            }
            long first = offset / BLOCK_BYTES, last = (offset + data.length - 1) / BLOCK_BYTES;
            bytesMoved += (last - first + 1) * BLOCK_BYTES;
        }
    }

    /** File storage: a shared namespace; any client may write a byte range of a file. */
    static class InMemoryFileShare {
        private final Map<String, byte[]> files = new HashMap<>();
        long bytesMoved;

        void create(String path, int size) {
            files.put(path, new byte[size]);
        }

        void write(String client, String path, long offset, byte[] data) {
            System.arraycopy(data, 0, files.get(path), (int) offset, data.length);
            bytesMoved += data.length;
        }
    }
    // end::stores[]

    record Result(double objectBytes, double blockBytes, double fileBytes, String secondAttach) {
    }

    // tag::workload[]
    /** Read the whole object, patch 100 bytes, write the whole object back. */
    static long objectStoreBytes(long[] offsets, byte[] update) {
        InMemoryObjectStore store = new InMemoryObjectStore();
        store.put("db/data.file", new byte[FILE_BYTES]);
        store.bytesMoved = 0;
        for (long offset : offsets) {
            byte[] body = store.get("db/data.file");
            System.arraycopy(update, 0, body, (int) offset, update.length);
            store.put("db/data.file", body);
        }
        return store.bytesMoved;
    }

    static long blockVolumeBytes(long[] offsets, byte[] update) {
        InMemoryBlockVolume volume = new InMemoryBlockVolume(FILE_BYTES);
        volume.attach("db-host");
        for (long offset : offsets) {
            volume.write("db-host", offset, update);
        }
        return volume.bytesMoved;
    }

    static long fileShareBytes(long[] offsets, byte[] update) {
        InMemoryFileShare share = new InMemoryFileShare();
        share.create("/db/data.file", FILE_BYTES);
        for (int i = 0; i < offsets.length; i++) {
            String host = i % 2 == 0 ? "host-a" : "host-b";   // two hosts share the file
            share.write(host, "/db/data.file", offsets[i], update);
        }
        return share.bytesMoved;
    }

    static String secondAttach() {
        InMemoryBlockVolume volume = new InMemoryBlockVolume(BLOCK_BYTES);
        volume.attach("db-host");
        try {
            volume.attach("second-host");
            return "allowed";
        } catch (IllegalStateException refused) {
            return "refused (" + refused.getMessage() + ")";
        }
    }

    public static void main(String[] args) {
        Result r = run();
        System.out.printf("%d random %d-byte updates to a %d MiB file; bytes moved per update:%n",
                UPDATES, UPDATE_BYTES, FILE_BYTES >> 20);
        print("object", r.objectBytes());
        print("block", r.blockBytes());
        print("file", r.fileBytes());
        System.out.println("A second host attaching the volume: " + r.secondAttach());
    }
    // end::workload[]

    static void print(String kind, double bytes) {
        System.out.printf("  %-6s %,11.0f  (%,.0fx the change)%n",
                kind, bytes, bytes / UPDATE_BYTES);
    }

    private static Result result;

    /** The workload runs once per JVM; main, tables and facts share its result. */
    static synchronized Result run() {
        if (result == null) {
            result = runWorkload();
        }
        return result;
    }

    static Result runWorkload() {
        Random random = new Random(42);
        long[] offsets = new long[UPDATES];
        for (int i = 0; i < UPDATES; i++) {
            offsets[i] = random.nextInt(FILE_BYTES - UPDATE_BYTES);
        }
        byte[] update = new byte[UPDATE_BYTES];
        return new Result((double) objectStoreBytes(offsets, update) / UPDATES,
                (double) blockVolumeBytes(offsets, update) / UPDATES,
                (double) fileShareBytes(offsets, update) / UPDATES, secondAttach());
    }

    public static Map<String, Object> tables() {
        Result results = run();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Type", "Access", "Bytes moved per 100-byte update (simulated)", "Good for", "Bad for", "Examples"));
        rows.add(List.of("Object", "HTTP GET/PUT of whole objects by key", bytes(results.objectBytes()),
                "blobs, backups, static assets, data lakes", "partial updates, low-latency small writes",
                "S3, Google Cloud Storage, Azure Blob"));
        rows.add(List.of("Block", "a volume attached to one machine (NVMe, iSCSI, NVMe-oF)", bytes(results.blockBytes()),
                "databases, file systems, VM disks", "sharing between machines, scaling past one volume",
                "EBS, Persistent Disk, local NVMe"));
        rows.add(List.of("File", "POSIX over NFS or SMB, many clients", bytes(results.fileBytes()),
                "shared mutable files, lift-and-shift apps", "very large scale, many small metadata operations",
                "EFS, Filestore, Azure Files"));
        return Map.of("kinds", rows);
    }

    static String bytes(double b) {
        if (b >= 1 << 20) {
            return String.format("%.0f MiB", b / (1 << 20));
        }
        if (b >= 1 << 10) {
            return String.format("%.1f KiB", b / (1 << 10));
        }
        return String.format("%.0f B", b);
    }

    public static Map<String, Object> facts() {
        Result r = run();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file-mib", FILE_BYTES >> 20);
        f.put("updates", UPDATES);
        f.put("update-bytes", UPDATE_BYTES);
        f.put("object-mib-per-update", r.objectBytes() / (1 << 20));
        f.put("block-bytes-per-update", r.blockBytes());
        f.put("block-straddles", Math.round(r.blockBytes() * UPDATES / BLOCK_BYTES) - UPDATES);
        f.put("object-vs-block", r.objectBytes() / r.blockBytes());
        return f;
    }
}
