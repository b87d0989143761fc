package design.verified.discover;

import java.util.List;

/** Everything the build starts from: pages and programs, in a stable order. */
public record SourceTree(List<Page> pages, List<Program> programs) {

    public int referenceCount() {
        return pages.stream().mapToInt(p -> p.references().size()).sum();
    }
}
