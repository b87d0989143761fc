package storage;

import diagrams.Diagram;

import java.util.Map;

/** The request path through a CDN: user, nearest point of presence, regional shield, origin. */
public class CdnDiagram {

    public static Map<String, Object> charts() {
        Diagram d = new Diagram()
                .node("eu-user", "User in Paris", 0, Diagram.Kind.CLIENT)
                .node("us-user", "User in Chicago", 0, Diagram.Kind.CLIENT)
                .node("paris-pop", "POP Paris (cache)", 1, Diagram.Kind.EDGE)
                .node("chicago-pop", "POP Chicago (cache)", 1, Diagram.Kind.EDGE)
                .node("shield", "Shield cache", 2, Diagram.Kind.EDGE)
                .node("lb", "Load balancer", 3, Diagram.Kind.SERVICE)
                .node("bucket", "Object store (assets)", 3, Diagram.Kind.STORE)
                .node("api", "API servers", 4, Diagram.Kind.SERVICE)
                .edge("eu-user", "paris-pop")
                .edge("us-user", "chicago-pop")
                .edge("paris-pop", "shield", "miss")
                .edge("chicago-pop", "shield", "miss")
                .edge("shield", "lb", "miss")
                .edge("shield", "bucket", "miss")
                .edge("lb", "api");
        return Map.of("cdn-path", d.option());
    }
}
