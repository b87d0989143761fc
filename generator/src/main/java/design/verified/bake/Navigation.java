package design.verified.bake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import design.verified.discover.Page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's order, computed once and handed to the templates as a JBake data file: modules by
 * their order, then the case studies, then the other pages. Templates read it as {@code data.get('site.yaml')}.
 */
final class Navigation {

    private Navigation() {
    }

    static String yaml(List<Page> pages, design.verified.BuildInfo build) {
        List<Map<String, Object>> course = new ArrayList<>();
        pages.stream().filter(p -> p.type().equals("module"))
                .sorted(Comparator.comparingInt(Page::order)).forEach(p -> course.add(entry(p, "module")));
        pages.stream().filter(p -> p.type().equals("casestudy"))
                .sorted(Comparator.comparingInt(Page::order)).forEach(p -> course.add(entry(p, "casestudy")));
        List<Map<String, Object>> other = new ArrayList<>();
        pages.stream().filter(p -> p.type().equals("page"))
                .sorted(Comparator.comparing(Page::title)).forEach(p -> other.add(entry(p, "page")));
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("course", course);
        site.put("pages", other);
        site.put("build", Map.of("commit", build.commit(), "shortCommit", build.shortCommit(), "date", build.date()));
        try {
            // JSON is valid YAML, and JBake reads .yaml data files
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(site);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> entry(Page p, String kind) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", p.title());
        e.put("url", p.output());
        e.put("kind", kind);
        e.put("order", p.order());
        e.put("description", p.description());
        return e;
    }
}
