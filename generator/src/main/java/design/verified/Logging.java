package design.verified;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * OrientDB (inside JBake) logs through java.util.logging; route it to SLF4J so that logback.xml
 * silences it like every other library, and the console shows only the build's own lines.
 */
public final class Logging {

    private Logging() {
    }

    public static synchronized void quiet() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
