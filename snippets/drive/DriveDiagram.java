package drive;

import diagrams.Diagram;

import java.util.Map;

/** The cloud-drive architecture, and the flow that turns two offline edits into a conflicted copy. */
public class DriveDiagram {

    public static Map<String, Object> charts() {
        Diagram architecture = new Diagram()
                .node("desktop", "Desktop client", 0, Diagram.Kind.CLIENT)
                .node("phone", "Phone client", 0, Diagram.Kind.CLIENT)
                .node("upload", "Upload service", 1, Diagram.Kind.SERVICE)
                .node("meta", "Metadata service", 1, Diagram.Kind.SERVICE)
                .node("notify", "Notifications", 1, Diagram.Kind.SERVICE)
                .node("cdn", "CDN", 1, Diagram.Kind.EDGE)
                .node("blobs", "Blob store", 2, Diagram.Kind.STORE)
                .node("db", "Metadata DB", 2, Diagram.Kind.STORE)
                .node("changes", "Change log", 2, Diagram.Kind.QUEUE)
                .node("gc", "GC + tiering jobs", 3, Diagram.Kind.JOB)
                .edge("desktop", "upload", "missing chunks")
                .edge("desktop", "meta", "commit manifest")
                .edge("upload", "blobs", "put by SHA-256")
                .edge("meta", "db", "CAS on revision")
                .edge("meta", "changes")
                .edge("phone", "cdn", "get chunks")
                .edge("cdn", "blobs")
                .asyncEdge("changes", "notify", "")
                .asyncEdge("notify", "phone", "changed")
                .asyncEdge("gc", "blobs", "sweep, move cold");
        Diagram conflict = new Diagram()
                .node("laptop", "Laptop: edit on rev 3", 0, Diagram.Kind.CLIENT)
                .node("phone", "Phone: edit on rev 3", 0, Diagram.Kind.CLIENT)
                .node("server", "Metadata service", 1, Diagram.Kind.SERVICE)
                .node("file", "report.txt rev 4", 2, Diagram.Kind.STORE)
                .node("copy", "Conflicted copy", 2, Diagram.Kind.STORE)
                .node("devices", "Every device syncs both", 3, Diagram.Kind.CLIENT)
                .edge("laptop", "server", "1: base 3")
                .edge("phone", "server", "2: base 3")
                .edge("server", "file", "base = current")
                .edge("server", "copy", "base < current")
                .asyncEdge("file", "devices", "notify")
                .asyncEdge("copy", "devices", "notify");
        return Map.of("architecture", architecture.option(), "conflict-flow", conflict.option());
    }
}
