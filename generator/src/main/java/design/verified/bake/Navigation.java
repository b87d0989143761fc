package design.verified.bake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import design.verified.discover.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The course's order, computed once and handed to the templates as a JBake data file
 * ({@code data.get('site.yaml')}): modules 1–12, then the case studies, then the modules after 12
 * (the cheat sheet), then the other pages. {@code course} is that sequence flat (previous/next and the
 * whole-guide page follow it); {@code groups} is the same sequence as the sidebar shows it; {@code sources}
 * maps each page to the file a reader's correction should change; {@code build} names the commit and its date.
 */
public final class Navigation {

    /** The case studies come after this module: they apply modules 1–12, and the cheat sheet reviews everything. */
    public static final int CASE_STUDIES_AFTER_MODULE = 12;

    private static final String GENERATOR = "generator/src/main/java/design/verified/bake/";

    private Navigation() {
    }

    static String yaml(List<Page> pages, design.verified.BuildInfo build) {
        Map<String, Object> site = new LinkedHashMap<>();
        List<Map<String, Object>> groups = groups(pages);
        List<Object> course = new ArrayList<>();
        for (Map<String, Object> group : groups) {
            course.addAll((List<?>) group.get("items"));
        }
        site.put("course", course);
        site.put("groups", groups);
        List<Map<String, Object>> other = new ArrayList<>();
        pages.stream().filter(p -> p.type().equals("page"))
                .sorted(Comparator.comparing(Page::title)).forEach(p -> other.add(entry(p, "page")));
        site.put("pages", other);
        Map<String, String> sources = new TreeMap<>();
        pages.forEach(p -> sources.put(p.output(), p.source()));
        // generated pages: a correction goes to the code that writes them
        sources.put(VerificationReport.PAGE.replace(".adoc", ".html"), GENERATOR + "VerificationReport.java");
        sources.put(PracticePage.PAGE.replace(".adoc", ".html"), GENERATOR + "PracticePage.java");
        site.put("sources", sources);
        site.put("build", Map.of("commit", build.commit(), "shortCommit", build.shortCommit(), "date", build.date()));
        try {
            // JSON is valid YAML, and JBake reads .yaml data files
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(site);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The course in reading order, as the sidebar groups it; empty groups are left out. */
    static List<Map<String, Object>> groups(List<Page> pages) {
        List<Page> modules = pages.stream().filter(p -> p.type().equals("module"))
                .sorted(Comparator.comparingInt(Page::order)).toList();
        List<Map<String, Object>> groups = new ArrayList<>();
        group(groups, "Modules", "modules", modules.stream().filter(p -> p.order() <= CASE_STUDIES_AFTER_MODULE)
                .map(p -> entry(p, "module")).toList());
        group(groups, "Case studies", "case-studies", pages.stream().filter(p -> p.type().equals("casestudy"))
                .sorted(Comparator.comparingInt(Page::order)).map(p -> entry(p, "casestudy")).toList());
        group(groups, "Review", "review", modules.stream().filter(p -> p.order() > CASE_STUDIES_AFTER_MODULE)
                .map(p -> entry(p, "module")).toList());
        return groups;
    }

    /** The course's pages in reading order, for stages after the bake (the whole-guide page). */
    public static List<Page> readingOrder(List<Page> pages) {
        List<Page> order = new ArrayList<>();
        Map<String, Page> byOutput = new LinkedHashMap<>();
        pages.forEach(p -> byOutput.put(p.output(), p));
        for (Map<String, Object> group : groups(pages)) {
            for (Object item : (List<?>) group.get("items")) {
                order.add(byOutput.get((String) ((Map<?, ?>) item).get("url")));
            }
        }
        return order;
    }

    private static void group(List<Map<String, Object>> groups, String title, String id, List<Map<String, Object>> items) {
        if (!items.isEmpty()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("title", title);
            g.put("id", id);
            g.put("items", items);
            groups.add(g);
        }
    }

    private static Map<String, Object> entry(Page p, String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", p.title());
        e.put("url", p.output());
        e.put("kind", kind);
        e.put("order", p.order());
        e.put("label", kind.equals("module") ? "Module " + p.order() : kind.equals("casestudy") ? "Case study" : "");
        e.put("description", p.description());
        e.put("source", p.source());
        return e;
    }
}
