package sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * LAN sync: a NAS fetches the blocks of a new file from devices on the same network, checks each
 * block against the hash in the file's block list, and falls back to the cloud for blocks no honest
 * peer has. Then the arithmetic: how long a 10 GB video takes on each path.
 */
public class LanSync {

    // Assumptions, stated once (rates in bits per second, sizes in decimal bytes).
    static final double VIDEO_BYTES = 10e9;
    static final double GIGABIT_LAN = 1e9;
    static final double WIFI_THROUGHPUT = 400e6;    // rule of thumb for a laptop on Wi-Fi 5, not a line rate
    static final double CABLE_UP = 50e6;            // the household's cable upload
    static final double CABLE_DOWN = 500e6;         // the household's cable download
    static final double BLOCK_BYTES = 4 * 1024 * 1024;
    static final int TCP_PAYLOAD = 1_448, ETHERNET_WIRE = 1_538; // per full frame, with headers, preamble and gap

    /** A device on the LAN that answers "do you have block X?". */
    interface Peer {
        String name();

        byte[] block(String hash); // null if it does not have it
    }

    record HonestPeer(String name, Map<String, byte[]> blocks) implements Peer {
        public byte[] block(String hash) {
            return blocks.get(hash);
        }
    }

    /** Advertises every hash and answers with garbage: it hopes to plant bytes in someone's files. */
    record MaliciousPeer(String name) implements Peer {
        public byte[] block(String hash) {
            byte[] junk = new byte[64];
            Arrays.fill(junk, (byte) 0x66);
            return junk;
        }
    }

    // tag::fetch[]
    record Fetch(int fromLan, int rejected, int fromCloud) {
    }

    /** For each block in the committed block list, try LAN peers first; keep only bytes that hash right. */
    static Fetch fetch(List<String> blockList, List<Peer> peers, Map<String, byte[]> cloud, Map<String, byte[]> into) {
        int fromLan = 0, rejected = 0, fromCloud = 0;
        for (String hash : blockList) {
            byte[] bytes = null;
            for (Peer peer : peers) {
                byte[] offered = peer.block(hash);
                if (offered == null) {
                    continue;
                }
                if (hash(offered).equals(hash)) {
                    bytes = offered;
                    fromLan++;
                    break;
                }
                rejected++; // content addressing: a block is its hash, so a lie is caught at once
            }
            if (bytes == null) {
                bytes = cloud.get(hash);
                fromCloud++;
            }
            into.put(hash, bytes);
        }
        return new Fetch(fromLan, rejected, fromCloud);
    }
    // end::fetch[]

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Path(String name, double bitsPerSecond, String basis) {
        double seconds(double bytes) {
            return bytes * 8 / bitsPerSecond;
        }
    }

    static double tcpEfficiency() {
        return (double) TCP_PAYLOAD / ETHERNET_WIRE;
    }

    static List<Path> paths() {
        return List.of(
                new Path("LAN, gigabit Ethernet at line rate", GIGABIT_LAN, "the 80 s figure assumes this"),
                new Path("LAN, gigabit Ethernet, TCP payload", GIGABIT_LAN * tcpEfficiency(), "1,448 payload bytes per 1,538 on the wire"),
                new Path("LAN, laptop on Wi-Fi", WIFI_THROUGHPUT, "rule of thumb for Wi-Fi 5"),
                new Path("Cloud, upload leg on cable", CABLE_UP, "the household's upload"),
                new Path("Cloud, download leg to the NAS", CABLE_DOWN, "the household's download"));
    }

    /** The NAS sees the file once its metadata is committed; a safe server commits only after the upload. */
    static double cloudOnlySequential() {
        return paths().get(3).seconds(VIDEO_BYTES) + paths().get(4).seconds(VIDEO_BYTES);
    }

    static double cloudOnlyOverlapped() { // downloads start as each block lands
        return paths().get(3).seconds(VIDEO_BYTES) + paths().get(4).seconds(BLOCK_BYTES);
    }

    static double lanAfterCommit() {
        return paths().get(3).seconds(VIDEO_BYTES) + paths().get(1).seconds(VIDEO_BYTES);
    }

    static double lanBeforeCommit() {
        return paths().get(1).seconds(VIDEO_BYTES);
    }

    public static void main(String[] args) {
        Random random = new Random(11);
        Map<String, byte[]> cloud = new LinkedHashMap<>(), laptop = new LinkedHashMap<>();
        List<String> blockList = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] block = new byte[4096];
            random.nextBytes(block);
            String h = hash(block);
            blockList.add(h);
            cloud.put(h, block);
            if (i % 5 != 4) {
                laptop.put(h, block); // the laptop lacks every fifth block (an older version of the file)
            }
        }
        List<Peer> peers = List.of(new MaliciousPeer("printer-with-bad-firmware"), new HonestPeer("laptop", laptop));
        Map<String, byte[]> nas = new LinkedHashMap<>();
        Fetch f = fetch(blockList, peers, cloud, nas);
        boolean intact = blockList.stream().allMatch(h -> hash(nas.get(h)).equals(h));
        System.out.printf("NAS fetched %d blocks: %d over the LAN, %d from the cloud, %d forged blocks rejected; file intact: %s%n",
                blockList.size(), f.fromLan(), f.fromCloud(), f.rejected(), intact);
        System.out.printf("%nA %.0f GB video:%n", VIDEO_BYTES / 1e9);
        for (Path p : paths()) {
            System.out.printf("  %-40s %7.0f Mbps %8.0f s%n", p.name(), p.bitsPerSecond() / 1e6, p.seconds(VIDEO_BYTES));
        }
        System.out.printf("  cloud only, upload then download       %,8.0f s (%.1f min)%n", cloudOnlySequential(), cloudOnlySequential() / 60);
        System.out.printf("  cloud only, download overlaps upload   %,8.0f s (%.1f min)%n", cloudOnlyOverlapped(), cloudOnlyOverlapped() / 60);
        System.out.printf("  LAN sync, NAS told after the upload    %,8.0f s (%.1f min)%n", lanAfterCommit(), lanAfterCommit() / 60);
        System.out.printf("  LAN sync, NAS told before the upload   %,8.0f s%n", lanBeforeCommit());
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Path", "Rate", "Time for 10 GB", "Basis"));
        for (Path p : paths()) {
            double s = p.seconds(VIDEO_BYTES);
            rows.add(List.of(p.name(), String.format("%.0f Mbps", p.bitsPerSecond() / 1e6),
                    s >= 600 ? String.format("%.1f min", s / 60) : String.format("%.0f s", s), p.basis()));
        }
        return Map.of("paths", Map.of("rows", rows, "derived", List.of("Time for 10 GB")));
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("video-gb", VIDEO_BYTES / 1e9);
        f.put("cable-up-mbps", CABLE_UP / 1e6);
        f.put("cable-down-mbps", CABLE_DOWN / 1e6);
        f.put("tcp-efficiency", tcpEfficiency());
        f.put("lan-line-rate-s", paths().get(0).seconds(VIDEO_BYTES));
        f.put("lan-tcp-s", paths().get(1).seconds(VIDEO_BYTES));
        f.put("upload-leg-min", paths().get(3).seconds(VIDEO_BYTES) / 60);
        f.put("download-leg-s", paths().get(4).seconds(VIDEO_BYTES));
        f.put("cloud-sequential-min", cloudOnlySequential() / 60);
        f.put("cloud-overlapped-min", cloudOnlyOverlapped() / 60);
        f.put("lan-after-commit-min", lanAfterCommit() / 60);
        f.put("lan-before-commit-s", lanBeforeCommit());
        f.put("download-leg-saved-s", paths().get(4).seconds(VIDEO_BYTES) - paths().get(1).seconds(VIDEO_BYTES));
        return f;
    }
}
