package dispatch;

import diagrams.Diagram;

import java.util.Map;

/** The ride-dispatch architecture: two write paths (locations, requests) meeting in the dispatcher's memory. */
public class DispatchDiagram {

    public static Map<String, Object> charts() {
        Diagram d = new Diagram()
                .node("driver", "Driver app", 0, Diagram.Kind.CLIENT)
                .node("rider", "Rider app", 0, Diagram.Kind.CLIENT)
                .node("ingest", "Location gateway", 1, Diagram.Kind.EDGE)
                .node("api", "Ride API", 1, Diagram.Kind.EDGE)
                .node("log", "Location log", 2, Diagram.Kind.QUEUE)
                .node("dispatch", "Dispatcher pods", 2, Diagram.Kind.SERVICE)
                .node("pricing", "Pricing (surge)", 2, Diagram.Kind.SERVICE)
                .node("stream", "Cell aggregation", 3, Diagram.Kind.JOB)
                .node("eta", "ETA service", 3, Diagram.Kind.SERVICE)
                .node("trips", "Trips DB", 3, Diagram.Kind.STORE)
                .node("graph", "Road graph", 4, Diagram.Kind.STORE)
                .edge("driver", "ingest", "every 4 s")
                .edge("ingest", "log")
                .edge("ingest", "dispatch", "to owner")
                .edge("rider", "api", "request")
                .edge("api", "pricing", "quote")
                .edge("api", "dispatch", "match")
                .edge("dispatch", "eta", "rank")
                .edge("eta", "graph")
                .edge("dispatch", "trips", "assign")
                .asyncEdge("log", "stream", "")
                .asyncEdge("stream", "pricing", "surge")
                .asyncEdge("stream", "graph", "speeds");
        return Map.of("architecture", d.option());
    }
}
