package observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each pillar costs for one service at 10,000 requests per second: metrics grow with the number
 * of time series (the product of every label's values), logs with the number of events, traces with
 * the sampling rate. The per-unit sizes are rules of thumb, stated below with their basis.
 */
public class TelemetryVolume {

    static final double REQUESTS_PER_S = 10_000;
    static final int SECONDS_PER_DAY = 86_400;

    // Metrics: one request counter and one latency histogram, labelled per instance.
    static final Map<String, Integer> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("instance", 50);
        LABELS.put("route", 25);
        LABELS.put("method", 4);
        LABELS.put("status class", 5);
    }

    static final int HISTOGRAM_BUCKETS = 12;        // plus _sum and _count series per label set
    static final double SCRAPE_INTERVAL_S = 15;
    static final double BYTES_PER_SAMPLE = 1.5;     // compressed TSDB samples: about 1-2 bytes each
    // Logs: one structured access-log line per request.
    static final double BYTES_PER_LOG_LINE = 1_000; // JSON line with ids, route, status, timings, user agent
    // Traces: head-based sampling.
    static final double TRACE_SAMPLE_RATE = 0.01;
    static final int SPANS_PER_TRACE = 14;          // the checkout trace on this page has 14 spans
    static final double BYTES_PER_SPAN = 400;       // ids, timestamps, name, a handful of attributes

    // tag::volume[]
    /** Series per metric = product of the number of values of every label. */
    static long seriesPerMetric(Map<String, Integer> labels) {
        long series = 1;
        for (int values : labels.values()) {
            series *= values;
        }
        return series;
    }

    static double metricBytesPerDay(long series) {
        double samplesPerSeriesPerDay = SECONDS_PER_DAY / SCRAPE_INTERVAL_S;
        return series * samplesPerSeriesPerDay * BYTES_PER_SAMPLE;
    }

    static long allSeries() {
        long perLabelSet = seriesPerMetric(LABELS);
        long counter = perLabelSet;                                  // requests_total
        long histogram = perLabelSet * (HISTOGRAM_BUCKETS + 2);      // buckets, _sum, _count
        return counter + histogram;
    }

    static double logBytesPerDay() {
        return REQUESTS_PER_S * SECONDS_PER_DAY * BYTES_PER_LOG_LINE;
    }

    static double traceBytesPerDay() {
        double tracesPerDay = REQUESTS_PER_S * SECONDS_PER_DAY * TRACE_SAMPLE_RATE;
        return tracesPerDay * SPANS_PER_TRACE * BYTES_PER_SPAN;
    }
    // end::volume[]

    public static void main(String[] args) {
        System.out.printf("Series per metric: %s = %,d%n", String.join(" x ",
                LABELS.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()), seriesPerMetric(LABELS));
        System.out.printf("Counter + %d-bucket histogram: %,d series%n", HISTOGRAM_BUCKETS, allSeries());
        System.out.printf("Per day at %,.0f req/s:%n", REQUESTS_PER_S);
        System.out.printf("  metrics %10s  (independent of traffic)%n", bytes(metricBytesPerDay(allSeries())));
        System.out.printf("  logs    %10s  (one line per request)%n", bytes(logBytesPerDay()));
        System.out.printf("  traces  %10s  (%.0f%% of requests sampled)%n", bytes(traceBytesPerDay()),
                TRACE_SAMPLE_RATE * 100);
        long withUser = allSeries() * 1_000_000;
        System.out.printf("Add a user_id label with 1M values: %,d series, %s per day%n", withUser,
                bytes(metricBytesPerDay(withUser)));
    }

    static String bytes(double b) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (b >= 1_000 && u < units.length - 1) {
            b /= 1_000;
            u++;
        }
        return String.format(b >= 100 ? "%.0f %s" : b >= 10 ? "%.1f %s" : "%.2f %s", b, units[u]);
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("requests-per-s", REQUESTS_PER_S);
        f.put("series-per-metric", seriesPerMetric(LABELS));
        f.put("all-series", allSeries());
        f.put("metric-bytes-per-day", metricBytesPerDay(allSeries()));
        f.put("log-bytes-per-day", logBytesPerDay());
        f.put("trace-bytes-per-day", traceBytesPerDay());
        f.put("logs-over-metrics", logBytesPerDay() / metricBytesPerDay(allSeries()));
        f.put("user-label-series", allSeries() * 1_000_000);
        f.put("trace-sample-rate", TRACE_SAMPLE_RATE);
        f.put("bytes-per-log-line", BYTES_PER_LOG_LINE);
        f.put("scrape-interval-s", SCRAPE_INTERVAL_S);
        f.put("bytes-per-sample", BYTES_PER_SAMPLE);
        f.put("spans-per-trace", SPANS_PER_TRACE);
        f.put("bytes-per-span", BYTES_PER_SPAN);
        return f;
    }

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Pillar", "Answers", "Cost grows with", "Cardinality", String.format("Per day at %,.0f req/s", REQUESTS_PER_S), "Tools"));
        rows.add(List.of("Metrics", "Is something wrong right now, and since when?",
                "number of series (label values multiplied), not traffic",
                String.format("%,d series for %d labels", allSeries(), LABELS.size()),
                bytes(metricBytesPerDay(allSeries())), "Prometheus, Datadog, CloudWatch"));
        rows.add(List.of("Logs", "What exactly happened to this one request?",
                "every event, in full", "unbounded: any field, any value",
                bytes(logBytesPerDay()), "Elasticsearch, Splunk, Loki, CloudWatch Logs"));
        rows.add(List.of("Traces", "Where did this request spend its time, across services?",
                "sampled requests × spans per request",
                "high per span (ids), kept in check by sampling",
                bytes(traceBytesPerDay()) + String.format(" at %.0f %% sampling", TRACE_SAMPLE_RATE * 100),
                "Jaeger, Grafana Tempo, AWS X-Ray, Datadog APM"));
        return Map.of("pillars", Map.of("rows", rows, "derived", List.of(rows.get(0).get(4))));
    }
}
