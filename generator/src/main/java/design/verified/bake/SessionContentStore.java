package design.verified.bake;

import org.jbake.app.ContentStore;

/**
 * JBake's in-memory document store, kept open across bakes of one session. JBake re-parses and
 * re-renders only documents whose source hash changed, so a warm rebuild touches only the pages an
 * edit affects. JBake closes its store after every bake; here closing waits for the session to end.
 */
final class SessionContentStore extends ContentStore {

    private boolean started;

    SessionContentStore() {
        super("memory", "verified-" + ProcessHandle.current().pid() + "-" + System.identityHashCode(new Object()));
    }

    @Override
    public synchronized void startup() {
        if (!started) {
            super.startup();
            started = true;
        }
    }

    @Override
    public void close() {
        // kept open until the session ends: see closeSession()
    }

    synchronized void closeSession() {
        if (started) {
            super.close();
            started = false;
        }
    }
}
