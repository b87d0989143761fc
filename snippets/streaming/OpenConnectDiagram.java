package streaming;

import diagrams.Diagram;

import java.util.Map;

/** Open Connect: the cloud decides, the appliances in the ISP serve, and the fill runs at night. */
public class OpenConnectDiagram {

    public static Map<String, Object> charts() {
        Diagram d = new Diagram()
                .node("player", "Player (TV, phone)", 0, Diagram.Kind.CLIENT)
                .node("control", "Control plane (cloud)", 1, Diagram.Kind.SERVICE)
                .node("embedded", "Appliances in the ISP", 1, Diagram.Kind.EDGE)
                .node("ix", "Appliances at an IX", 1, Diagram.Kind.EDGE)
                .node("forecast", "Demand forecast", 2, Diagram.Kind.JOB)
                .node("fill", "Fill planner", 2, Diagram.Kind.JOB)
                .node("encode", "Encoding pipeline", 3, Diagram.Kind.JOB)
                .node("origin", "Origin: every rendition", 3, Diagram.Kind.STORE)
                .edge("player", "control", "1 play, 2 manifest")
                .edge("player", "embedded", "3 segments")
                .asyncEdge("player", "ix", "miss or failover")
                .edge("forecast", "fill")
                .asyncEdge("fill", "embedded", "nightly push")
                .asyncEdge("fill", "ix", "nightly push")
                .edge("encode", "origin")
                .asyncEdge("origin", "fill", "files");
        return Map.of("architecture", d.option());
    }
}
