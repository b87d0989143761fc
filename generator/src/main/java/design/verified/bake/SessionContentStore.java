package design.verified.bake;

import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;

import java.util.HashMap;
import java.util.Map;

/**
 * JBake's in-memory document store, kept open across bakes of one session. JBake re-parses and
 * re-renders only documents whose source hash changed, so a warm rebuild touches only the pages an
 * edit affects. JBake closes its store after every bake; here closing waits for the session to end.
 */
final class SessionContentStore extends ContentStore {

    private boolean started;
    /**
     * JBake's page renderer asks for every document of the page's type before rendering each page (to
     * find its neighbours), so 175 program pages made 175 queries of 175 documents each, bodies and all.
     * The answer cannot change while pages render, so each type is queried once per rendering pass.
     */
    private final Map<String, DocumentList<DocumentModel>> byTypeThisPass = new HashMap<>();

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

    /** Called once at the start of each rendering pass. */
    @Override
    public DocumentList<DocumentModel> getUnrenderedContent() {
        byTypeThisPass.clear();
        return super.getUnrenderedContent();
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return byTypeThisPass.computeIfAbsent(docType, type -> super.getAllContent(type));
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
