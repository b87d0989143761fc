package drive;

import java.util.Map;
import java.util.TreeMap;

/**
 * Two devices edit the same file offline and sync later. A sync server that simply takes the last
 * write loses one edit without telling anyone; one that commits only against the revision the edit was
 * based on detects the conflict and keeps both versions, the loser as a "conflicted copy".
 */
public class ConflictCopy {

    record Version(int revision, String content, String device) {
    }

    // tag::server[]
    /** Stand-in for the metadata service: path -> latest version. */
    static class InMemorySyncServer {
        final Map<String, Version> files = new TreeMap<>();
        final boolean lastWriterWins;

        InMemorySyncServer(boolean lastWriterWins) {
            this.lastWriterWins = lastWriterWins;
        }

        /**
         * Commits an edit made on top of {@code baseRevision}. With compare-and-set, an edit
         * based on an older revision is not applied: it is saved beside the file as a conflicted copy.
         */
        String commit(String path, int baseRevision, String content, String device) {
            Version current = files.get(path);
            int currentRevision = current == null ? 0 : current.revision();
            if (lastWriterWins || currentRevision == baseRevision) {
                files.put(path, new Version(currentRevision + 1, content, device));
                return path + " -> revision " + (currentRevision + 1);
            }
            String copy = path.replace(".txt", " (conflicted copy from " + device + ").txt");
            files.put(copy, new Version(1, content, device));
            return "conflict: revision is " + currentRevision + ", not " + baseRevision
                    + "; saved " + copy;
        }
    }
    // end::server[]

    /** Revision 3 exists everywhere; the laptop and the phone both edit it offline, then sync. */
    static InMemorySyncServer run(boolean lastWriterWins, StringBuilder log) {
        InMemorySyncServer server = new InMemorySyncServer(lastWriterWins);
        server.files.put("report.txt", new Version(3, "Q3 revenue: TBD.", "desktop"));
        log.append("  laptop: ").append(server.commit("report.txt", 3, "Q3 revenue: $4.2M.", "laptop")).append('\n');
        log.append("  phone:  ").append(server.commit("report.txt", 3, "Q3 revenue: TBD. Call Sam.", "phone"))
                .append('\n');
        server.files.forEach((path, v) -> log.append(String.format("    %-46s rev %d  \"%s\"%n", path, v.revision(), v.content())));
        return server;
    }

    public static void main(String[] args) {
        for (boolean lww : new boolean[] {true, false}) {
            StringBuilder log = new StringBuilder();
            InMemorySyncServer server = run(lww, log);
            System.out.println(lww ? "Last writer wins:" : "Compare-and-set on the base revision:");
            System.out.print(log);
            boolean laptopEditSurvives = server.files.values().stream().anyMatch(v -> v.content().contains("$4.2M"));
            System.out.println("    laptop's edit kept: " + laptopEditSurvives);
        }
    }
}
