package sync;

import diagrams.Diagram;

import java.util.Map;

/** The sync pipeline: blocks up, metadata committed, the journal wakes the other devices, blocks down. */
public class SyncDiagram {

    public static Map<String, Object> charts() {
        Diagram d = new Diagram()
                .node("phone", "Phone client", 0, Diagram.Kind.CLIENT)
                .node("nas", "NAS (LAN peer)", 0, Diagram.Kind.CLIENT)
                .node("desktop", "Desktop client", 0, Diagram.Kind.CLIENT)
                .node("notify", "Notify pods", 1, Diagram.Kind.SERVICE)
                .node("meta", "Metadata servers", 1, Diagram.Kind.SERVICE)
                .node("blocksvc", "Block servers", 1, Diagram.Kind.SERVICE)
                .node("journal", "Namespace journal", 2, Diagram.Kind.QUEUE)
                .node("metadb", "Metadata DB", 2, Diagram.Kind.STORE)
                .node("blobs", "Block store (by hash)", 2, Diagram.Kind.STORE)
                .edge("desktop", "blocksvc", "1 upload new blocks")
                .edge("desktop", "meta", "2 commit on base rev")
                .edge("meta", "metadb")
                .edge("meta", "journal", "append")
                .edge("blocksvc", "blobs")
                .asyncEdge("journal", "notify", "namespace changed")
                .asyncEdge("notify", "phone", "3 wake up")
                .edge("phone", "meta", "4 events after cursor")
                .edge("phone", "blocksvc", "5 missing blocks")
                .asyncEdge("desktop", "nas", "LAN sync");
        return Map.of("architecture", d.option());
    }
}
