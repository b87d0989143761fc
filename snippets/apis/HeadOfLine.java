package apis;

// run: timeout=20s

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Several gRPC calls multiplexed on one connection, with one packet lost. Over HTTP/2 the streams
 * share one TCP byte stream, which the receiver must deliver in order: every stream waits for the
 * retransmission. Over HTTP/3 (QUIC) ordering is per stream: only the stream that lost a packet waits.
 */
public class HeadOfLine {

    static final double ONE_WAY_MS = 20;             // sender to receiver
    static final double RETRANSMIT_AFTER_MS = 40;    // loss detected about one round trip later

    // tag::shown[]
    /**
     * Streams take turns sending packets, one a millisecond. Returns when each stream has all
     * its data. TCP hands a packet over only once every earlier packet of the connection has
     * arrived; QUIC once every earlier packet of the same stream has.
     */
    static double[] finishTimes(int streams, int packetsPerStream, boolean[] lost,
                                boolean inOrderAcrossStreams) {
        int total = streams * packetsPerStream;
        double[] arrival = new double[total];
        for (int p = 0; p < total; p++) {
            arrival[p] = p + ONE_WAY_MS + (lost[p] ? RETRANSMIT_AFTER_MS : 0);
        }
        double[] finish = new double[streams];
        double[] releasedUpTo = new double[streams + 1];   // per stream; the last slot is TCP's
        for (int p = 0; p < total; p++) {
            int stream = p % streams;
            int gate = inOrderAcrossStreams ? streams : stream;
            releasedUpTo[gate] = Math.max(releasedUpTo[gate], arrival[p]);
            finish[stream] = Math.max(finish[stream], releasedUpTo[gate]);
        }
        return finish;
    }
    // end::shown[]

    record Summary(double delayedByOthers, double meanFinishTcp, double meanFinishQuic) {
    }

    static final int CONNECTIONS = 2_000;
    private static Summary randomLoss;

    /** The random-loss experiment, run once per JVM and shared by main and facts. */
    static synchronized Summary randomLoss() {
        if (randomLoss == null) {
            randomLoss = monteCarlo(CONNECTIONS, 8, 16, 0.01, 3);
        }
        return randomLoss;
    }

    /** Many connections with random loss: how often does a stream wait for another stream's loss? */
    static Summary monteCarlo(int connections, int streams, int packets, double lossRate, long seed) {
        Random random = new Random(seed);
        long streamsTotal = 0, delayedByOthers = 0;
        double sumTcp = 0, sumQuic = 0;
        for (int c = 0; c < connections; c++) {
            boolean[] lost = new boolean[streams * packets];
            for (int p = 0; p < lost.length; p++) {
                lost[p] = random.nextDouble() < lossRate;
            }
            double[] tcp = finishTimes(streams, packets, lost, true);
            double[] quic = finishTimes(streams, packets, lost, false);
            for (int s = 0; s < streams; s++) {
                streamsTotal++;
                delayedByOthers += tcp[s] > quic[s] ? 1 : 0;
                sumTcp += tcp[s];
                sumQuic += quic[s];
            }
        }
        return new Summary((double) delayedByOthers / streamsTotal, sumTcp / streamsTotal,
                sumQuic / streamsTotal);
    }

    // tag::shown[]

    public static void main(String[] args) {
        int streams = 4, packets = 8;
        boolean[] lost = new boolean[streams * packets];
        lost[5] = true;                                   // the 6th packet, stream 1's second
        double[] tcp = finishTimes(streams, packets, lost, true);
        double[] quic = finishTimes(streams, packets, lost, false);
        double[] clean = finishTimes(streams, packets, new boolean[lost.length], true);
        System.out.println("ms until a stream has all its data");
        System.out.println("stream   no loss   HTTP/2 over TCP   HTTP/3 over QUIC");
        for (int s = 0; s < streams; s++) {
            System.out.printf("%6d %9.0f %17.0f %18.0f%n", s, clean[s], tcp[s], quic[s]);
        }
        Summary m = randomLoss();
        System.out.printf("8 streams, 1%% packet loss, %,d connections:%n", CONNECTIONS);
        System.out.printf("  %.1f%% of streams finish later on TCP, waiting on another's loss%n",
                100 * m.delayedByOthers());
    }
    // end::shown[]

    public static Map<String, Object> facts() {
        Summary m = randomLoss();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("delayed-by-others", m.delayedByOthers());
        f.put("mean-finish-tcp-ms", m.meanFinishTcp());
        f.put("mean-finish-quic-ms", m.meanFinishQuic());
        f.put("retransmit-ms", RETRANSMIT_AFTER_MS);
        return f;
    }
}
