package video;

import diagrams.Diagram;

import java.util.Map;

/** The video platform: an upload path that fans out into transcode tasks, and a watch path served from the edge. */
public class VideoDiagram {

    public static Map<String, Object> charts() {
        Diagram d = new Diagram()
                .node("creator", "Creator app", 0, Diagram.Kind.CLIENT)
                .node("viewer", "Viewer app", 0, Diagram.Kind.CLIENT)
                .node("upload", "Upload service", 1, Diagram.Kind.SERVICE)
                .node("pop", "CDN POP (hot, SSD)", 1, Diagram.Kind.EDGE)
                .node("playback", "Playback API", 1, Diagram.Kind.SERVICE)
                .node("raw", "Raw uploads", 2, Diagram.Kind.STORE)
                .node("tasks", "Transcode queue", 2, Diagram.Kind.QUEUE)
                .node("segments", "Segment store (warm)", 2, Diagram.Kind.STORE)
                .node("meta", "Video metadata", 2, Diagram.Kind.STORE)
                .node("workers", "Transcode workers", 3, Diagram.Kind.JOB)
                .node("archive", "Archive (cold)", 3, Diagram.Kind.STORE)
                .node("recs", "Recommender", 3, Diagram.Kind.SERVICE)
                .edge("creator", "upload", "resumable")
                .edge("upload", "raw")
                .edge("upload", "tasks", "segment x rung")
                .edge("tasks", "workers")
                .edge("workers", "segments", "encoded")
                .asyncEdge("workers", "meta", "manifest")
                .edge("viewer", "pop", "segments")
                .edge("pop", "segments", "origin fill")
                .edge("viewer", "playback", "manifest, feed")
                .edge("playback", "recs")
                .edge("playback", "meta")
                .asyncEdge("segments", "archive", "tiering");
        return Map.of("architecture", d.option());
    }
}
