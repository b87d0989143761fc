package design.verified.discover;

import design.verified.BuildFailure;
import design.verified.FileTrees;
import design.verified.Problem;
import design.verified.SiteLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stage 1: finds pages and programs and every name a page uses, with its line. */
public final class Discovery {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern BLOCK_MACRO = Pattern.compile("^(snippet|chart|table)::([^\\[\\s]*)\\[(.*)\\]\\s*$");
    private static final Pattern FACT_MACRO = Pattern.compile("(?<![\\w\\\\])fact:([^\\[\\s]*)\\[([^\\]]*)\\]");
    private static final Pattern RUN_DIRECTIVE = Pattern.compile("^\\s*//\\s*run:\\s*(.*)$");
    private static final Pattern SETTING = Pattern.compile("(\\w+)=(\\S+)");
    private static final Pattern TIMEOUT = Pattern.compile("(\\d+)(ms|s)");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** Delimiters of AsciiDoc blocks whose content is not parsed for macros. */
    private static final List<String> VERBATIM_DELIMITERS = List.of("////", "----", "....", "++++");

    private Discovery() {
    }

    public static SourceTree scan(SiteLayout layout) {
        List<Problem> problems = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        for (Path file : FileTrees.list(layout.content())) {
            Page.Format format = formatOf(file);
            if (format == null) {
                continue;
            }
            String source = layout.relative(file);
            String output = layout.content().relativize(file).toString().replace('\\', '/')
                    .replaceFirst("\\.(adoc|md)$", ".html");
            String text = read(file);
            List<Reference> refs = format == Page.Format.ASCIIDOC ? referencesIn(source, text) : List.of();
            problems.addAll(CodeBlockRule.check(source, text, format));
            PageHeader header = PageHeader.read(source, text, format, problems);
            pages.add(new Page(source, output, format, header.title(), header.type(), header.order(),
                    header.description(), refs));
        }
        List<Program> programs = new ArrayList<>();
        for (Path file : FileTrees.list(layout.snippets())) {
            if (file.toString().endsWith(".java")) {
                programs.add(program(layout, file, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new BuildFailure("discover", problems);
        }
        return new SourceTree(List.copyOf(pages), List.copyOf(programs));
    }

    /** Every macro use on an AsciiDoc page, skipping comments and verbatim blocks. */
    static List<Reference> referencesIn(String page, String text) {
        List<Reference> refs = new ArrayList<>();
        String openDelimiter = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (openDelimiter != null) {
                if (line.equals(openDelimiter)) {
                    openDelimiter = null;
                }
                continue;
            }
            if (VERBATIM_DELIMITERS.contains(line)) {
                openDelimiter = line;
                continue;
            }
            if (line.startsWith("//")) {
                continue;
            }
            Matcher block = BLOCK_MACRO.matcher(line);
            if (block.find()) {
                Reference.Kind kind = Reference.Kind.valueOf(block.group(1).toUpperCase(Locale.ROOT));
                refs.add(new Reference(kind, block.group(2), block.group(3), page, i + 1));
            }
            Matcher fact = FACT_MACRO.matcher(line);
            while (fact.find()) {
                refs.add(new Reference(Reference.Kind.FACT, fact.group(1), fact.group(2), page, i + 1));
            }
        }
        return refs;
    }

    private static Program program(SiteLayout layout, Path file, List<Problem> problems) {
        String source = layout.relative(file);
        String text = read(file);
        String id = layout.snippets().relativize(file).toString().replace('\\', '/').replaceFirst("\\.java$", "");
        String expectedPackage = id.contains("/") ? id.substring(0, id.lastIndexOf('/')).replace('/', '.') : "";
        Matcher pkg = PACKAGE.matcher(text);
        String declared = pkg.find() ? pkg.group(1) : "";
        if (!declared.equals(expectedPackage)) {
            problems.add(Problem.at(source, 1, "package must be '" + expectedPackage + "' (the folder under snippets/), found '"
                    + declared + "'"));
        }
        Duration timeout = DEFAULT_TIMEOUT;
        List<String> reads = new ArrayList<>();
        boolean optimized = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher directive = RUN_DIRECTIVE.matcher(lines[i]);
            if (!directive.matches()) {
                continue;
            }
            Matcher setting = SETTING.matcher(directive.group(1));
            boolean understood = false;
            while (setting.find()) {
                understood = true;
                Matcher t = TIMEOUT.matcher(setting.group(2));
                if (setting.group(1).equals("timeout") && t.matches()) {
                    long amount = Long.parseLong(t.group(1));
                    timeout = t.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
                } else if (setting.group(1).equals("reads") && Files.isDirectory(layout.root().resolve(setting.group(2)))) {
                    reads.add(setting.group(2));
                } else if (setting.group(1).equals("jit") && setting.group(2).matches("c1|c2")) {
                    optimized = setting.group(2).equals("c2");
                } else {
                    understood = false;
                    break;
                }
            }
            if (!understood) {
                problems.add(Problem.at(source, i + 1, "unknown run directive '" + directive.group(1).strip()
                        + "' (expected '// run: timeout=20s', 'reads=content' (a folder of the repository) and/or 'jit=c2')"));
            }
        }
        return new Program(id, id.replace('/', '.'), source, text, timeout, List.copyOf(reads), optimized);
    }

    private static Page.Format formatOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".adoc")) {
            return Page.Format.ASCIIDOC;
        }
        if (name.endsWith(".md")) {
            return Page.Format.MARKDOWN;
        }
        return null;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
