package drive;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Uploading over a link that drops: restart the whole file after each drop, or resume from the first
 * chunk the server has not committed. The simulation runs both on a small file; the formulas beside it
 * (checked against the simulation) scale the answer to a 10 GB file.
 */
public class ResumableUpload {

    // Assumptions, stated once.
    static final double MIB = 1 << 20;
    static final double SIM_FILE = 8 * MIB;             // the simulated upload
    static final double SIM_CHUNK = 256 << 10;          // 256 KiB chunks in the simulation
    static final double SIM_MEAN_BETWEEN_DROPS = 3 * MIB;
    static final int SIM_UPLOADS = 2_000;                // averaged over this many seeded uploads
    static final double CHUNK = 4e6;                    // 4 MB chunks at full scale
    static final double MEAN_BETWEEN_DROPS = 100e6;     // a flaky mobile link drops every ~100 MB
    static final double BIG_FILE = 10e9;                // the 10 GB upload from the requirements

    // tag::upload[]
    // tag::server[]
    /** Stand-in for the upload service: remembers which chunks of a session are committed. */
    static class InMemoryUploadServer {
        private final Map<String, BitSet> committed = new LinkedHashMap<>();
        private final Map<String, Integer> chunkCount = new LinkedHashMap<>();

        void begin(String session, int chunks) {
            committed.putIfAbsent(session, new BitSet(chunks));
            chunkCount.put(session, chunks);
        }

        /** What a reconnecting client asks first: the first chunk not yet committed. */
        int firstMissing(String session) {
            return committed.get(session).nextClearBit(0);
        }

        void commit(String session, int chunk) {
            committed.get(session).set(chunk);
        }

        boolean complete(String session) {
            return firstMissing(session) >= chunkCount.get(session);
        }
    }

    /** A link that drops after an exponentially distributed number of bytes. */
    static class FlakyLink {
        private final Random random;
        private final double meanBetweenDrops;
        private double untilDrop;

        FlakyLink(Random random, double meanBetweenDrops) {
            this.random = random;
            this.meanBetweenDrops = meanBetweenDrops;
            reconnect();
        }

        void reconnect() {
            untilDrop = -Math.log(1 - random.nextDouble()) * meanBetweenDrops;
        }

        /** Sends {@code bytes}; returns how many went out before the link dropped. */
        double send(double bytes) {
            double sent = Math.min(bytes, untilDrop);
            untilDrop -= sent;
            return sent;
        }
    }

    /** Resumable: after a drop, reconnect, ask for the first missing chunk, carry on. */
    static double resumable(FlakyLink link, double fileBytes, double chunkBytes) {
        InMemoryUploadServer server = new InMemoryUploadServer();
        int chunks = (int) Math.ceil(fileBytes / chunkBytes);
        server.begin("upload-1", chunks);
        double sent = 0;
        while (!server.complete("upload-1")) {
            int next = server.firstMissing("upload-1");
            double size = Math.min(chunkBytes, fileBytes - next * chunkBytes);
            double out = link.send(size);
            sent += out;
            if (out == size) {
                server.commit("upload-1", next);
            } else {
                link.reconnect();          // the partial chunk is lost; back off, then resume
            }
        }
        return sent;
    }

    /** One request for the whole file: any drop means starting again from byte zero. */
    static double restartWholeFile(FlakyLink link, double fileBytes) {
        double sent = 0;
        while (true) {
            double out = link.send(fileBytes);
            sent += out;
            if (out == fileBytes) {
                return sent;
            }
            link.reconnect();
        }
    }
    // end::server[]

    // tag::expected[]
    /** Expected bytes sent to push {@code size} bytes through one all-or-nothing request. */
    static double expectedAllOrNothing(double size, double meanBetweenDrops) {
        return meanBetweenDrops * Math.expm1(size / meanBetweenDrops);
    }

    /** Each chunk is its own all-or-nothing request; the last one may be short. */
    static double expectedResumable(double file, double chunk, double meanBetweenDrops) {
        double fullChunks = Math.floor(file / chunk), rest = file - fullChunks * chunk;
        return fullChunks * expectedAllOrNothing(chunk, meanBetweenDrops)
                + expectedAllOrNothing(rest, meanBetweenDrops);
    }
    // end::expected[]
    // end::upload[]

    static double[] simulated() {
        Random random = new Random(42);
        double whole = 0, chunked = 0;
        for (int i = 0; i < SIM_UPLOADS; i++) {
            whole += restartWholeFile(new FlakyLink(random, SIM_MEAN_BETWEEN_DROPS), SIM_FILE);
            chunked += resumable(new FlakyLink(random, SIM_MEAN_BETWEEN_DROPS), SIM_FILE, SIM_CHUNK);
        }
        return new double[] {whole / SIM_UPLOADS, chunked / SIM_UPLOADS};
    }

    static final double[] SIM = simulated();

    public static void main(String[] args) {
        System.out.printf("8 MiB upload, link drops every 3 MiB on average (%d seeded runs):%n", SIM_UPLOADS);
        System.out.printf("  restart whole file: %5.1f MiB sent (formula %5.1f MiB)%n", SIM[0] / MIB,
                expectedAllOrNothing(SIM_FILE, SIM_MEAN_BETWEEN_DROPS) / MIB);
        System.out.printf("  resume by chunk:    %5.1f MiB sent (formula %5.1f MiB)%n", SIM[1] / MIB,
                expectedResumable(SIM_FILE, SIM_CHUNK, SIM_MEAN_BETWEEN_DROPS) / MIB);
        System.out.printf("10 GB upload, drops every 100 MB: resuming by 4 MB chunk sends %.3f GB;%n"
                + "  restarting would send about 10^%.0f bytes%n",
                expectedResumable(BIG_FILE, CHUNK, MEAN_BETWEEN_DROPS) / 1e9,
                Math.log10(MEAN_BETWEEN_DROPS) + BIG_FILE / MEAN_BETWEEN_DROPS / Math.log(10));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sim-file-mib", SIM_FILE / MIB);
        f.put("sim-chunk-kib", SIM_CHUNK / 1024);
        f.put("sim-drop-mib", SIM_MEAN_BETWEEN_DROPS / MIB);
        f.put("sim-uploads", SIM_UPLOADS);
        f.put("sim-whole-mib", SIM[0] / MIB);
        f.put("sim-chunked-mib", SIM[1] / MIB);
        f.put("formula-whole-mib", expectedAllOrNothing(SIM_FILE, SIM_MEAN_BETWEEN_DROPS) / MIB);
        f.put("formula-chunked-mib", expectedResumable(SIM_FILE, SIM_CHUNK, SIM_MEAN_BETWEEN_DROPS) / MIB);
        f.put("big-file-bytes", BIG_FILE);
        f.put("big-chunk-bytes", CHUNK);
        f.put("mean-between-drops", MEAN_BETWEEN_DROPS);
        f.put("big-resumable-bytes", expectedResumable(BIG_FILE, CHUNK, MEAN_BETWEEN_DROPS));
        f.put("big-resumable-overhead", expectedResumable(BIG_FILE, CHUNK, MEAN_BETWEEN_DROPS) / BIG_FILE - 1);
        f.put("big-restart-digits", 1 + Math.floor(
                Math.log10(MEAN_BETWEEN_DROPS) + BIG_FILE / MEAN_BETWEEN_DROPS / Math.log(10)));
        f.put("restart-ratio-100mb", expectedAllOrNothing(100e6, MEAN_BETWEEN_DROPS) / 100e6);
        f.put("restart-ratio-1gb", expectedAllOrNothing(1e9, MEAN_BETWEEN_DROPS) / 1e9);
        return f;
    }

    public static Map<String, Object> charts() {
        List<List<Double>> whole = new ArrayList<>(), chunked = new ArrayList<>();
        for (double size = 1e6; size <= 100e9 * 1.001; size *= Math.sqrt(10)) {
            double w = expectedAllOrNothing(size, MEAN_BETWEEN_DROPS) / size;
            if (w < 1e6) {
                whole.add(List.of(round(size / 1e6), round(w)));
            }
            chunked.add(List.of(round(size / 1e6), round(expectedResumable(size, CHUNK, MEAN_BETWEEN_DROPS) / size)));
        }
        return Map.of("resumable", Map.of(
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0),
                "grid", Map.of("left", 70, "right", 30, "top", 40, "bottom", 50),
                "xAxis", Map.of("type", "log", "name", "file size (MB, log scale)", "nameLocation", "middle", "nameGap", 30),
                "yAxis", Map.of("type", "log", "name", "bytes sent ÷ file size (log scale)", "min", 1),
                "series", List.of(
                        Map.of("type", "line", "name", "restart the whole file", "data", whole),
                        Map.of("type", "line", "name", "resume by 4 MB chunk", "data", chunked))));
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
