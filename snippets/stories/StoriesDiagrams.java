package stories;

import diagrams.Diagram;
import diagrams.Diagram.Kind;

import java.util.Map;

/** The stories architecture and the viewer-count pipeline, laid out by the shared Diagram helper. */
public class StoriesDiagrams {

    static Map<String, Object> architecture() {
        return new Diagram()
                .node("poster", "Poster's app", 0, Kind.CLIENT)
                .node("viewer", "Viewer's app", 0, Kind.CLIENT)
                .node("api", "API gateway", 1, Kind.SERVICE)
                .node("edge", "CDN edge + shield", 1, Kind.EDGE)
                .node("upload", "Upload service", 2, Kind.SERVICE)
                .node("tray", "Tray service", 2, Kind.SERVICE)
                .node("ingest", "View ingest", 2, Kind.SERVICE)
                .node("blobs", "Blobs, 48 h TTL", 3, Kind.STORE)
                .node("meta", "Metadata, 24 h TTL", 3, Kind.STORE)
                .node("mediaq", "Media jobs", 3, Kind.QUEUE)
                .node("views", "View log", 3, Kind.QUEUE)
                .node("workers", "Resize, transcode, scan", 4, Kind.JOB)
                .node("replicator", "Replicate to regions", 4, Kind.JOB)
                .node("stream", "Dedup + count", 4, Kind.JOB)
                .node("lists", "Viewer lists", 4, Kind.CACHE)
                .edge("poster", "api", "upload")
                .edge("api", "upload")
                .edge("upload", "blobs", "original")
                .edge("upload", "meta")
                .asyncEdge("upload", "mediaq", "")
                .asyncEdge("mediaq", "workers", "")
                .asyncEdge("workers", "blobs", "")
                .asyncEdge("meta", "replicator", "")
                .edge("viewer", "api", "tray")
                .edge("api", "tray")
                .edge("tray", "meta", "expires_at > now")
                .edge("viewer", "edge", "media")
                .edge("edge", "blobs", "")
                .edge("api", "ingest")
                .edge("ingest", "views")
                .asyncEdge("views", "stream", "")
                .asyncEdge("stream", "lists", "")
                .option();
    }

    static Map<String, Object> viewerCounts() {
        Diagram d = new Diagram()
                .node("ingest", "View ingest", 0, Kind.SERVICE)
                .node("sets", "Sorted sets story#s", 3, Kind.CACHE)
                .node("count", "Merged HLL count", 3, Kind.CACHE)
                .node("log", "Retained log", 3, Kind.QUEUE)
                .node("posterui", "Poster's viewer list", 4, Kind.CLIENT)
                .node("reconcile", "Nightly reconcile", 4, Kind.JOB);
        for (int s = 0; s < 4; s++) {
            d.node("p" + s, "story#" + s, 1, Kind.QUEUE)
                    .node("t" + s, "Bloom + HLL task", 2, Kind.JOB)
                    .edge("ingest", "p" + s, s == 0 ? "hash(viewer)" : "")
                    .asyncEdge("p" + s, "t" + s, "")
                    .edge("t" + s, "sets", s == 0 ? "first views" : "")
                    .edge("t" + s, "count", s == 3 ? "union" : "");
        }
        return d.asyncEdge("p3", "log", "")
                .edge("sets", "posterui", "by time")
                .edge("count", "posterui")
                .asyncEdge("log", "reconcile", "")
                .asyncEdge("reconcile", "sets", "repair")
                .option();
    }

    public static Map<String, Object> charts() {
        return Map.of("architecture", architecture(), "viewer-pipeline", viewerCounts());
    }
}
