package design.verified.compile;

import design.verified.BuildFailure;
import design.verified.Hashing;
import design.verified.Problem;
import design.verified.discover.Program;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Stage 2: compiles every program in one in-process javac call. An unchanged tree reuses the classes
 * compiled last time (keyed by a hash of all sources, the libraries and the JDK).
 */
public final class SnippetCompiler {

    private final Path cacheDir;
    private final SnippetLibraries libraries;

    public SnippetCompiler(Path cacheDir, SnippetLibraries libraries) {
        this.cacheDir = cacheDir.resolve("classes");
        this.libraries = libraries;
    }

    public CompiledPrograms compile(List<Program> programs) {
        List<Problem> problems = new ArrayList<>();
        programs.forEach(p -> problems.addAll(DeterminismCheck.check(p)));
        if (!problems.isEmpty()) {
            throw new BuildFailure("compile", problems);
        }
        Hashing treeHash = Hashing.sha256().add(System.getProperty("java.version")).add(libraries.fingerprint());
        programs.forEach(p -> treeHash.add(p.id()).add(p.text()));
        Path classes = cacheDir.resolve(treeHash.hex().substring(0, 20));
        boolean reused = Files.isDirectory(classes);
        if (!reused) {
            compileInto(programs, classes);
        }
        return new CompiledPrograms(classes, fingerprints(programs, classes), reused);
    }

    private void compileInto(List<Program> programs, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw BuildFailure.of("compile", Problem.in("java", "this Java runtime has no compiler: run the build on a JDK"));
        }
        Path staging = classes.resolveSibling(classes.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            Map<URI, Program> bySource = new HashMap<>();
            List<JavaFileObject> units = new ArrayList<>();
            for (Program p : programs) {
                SourceUnit unit = new SourceUnit(p);
                bySource.put(unit.toUri(), p);
                units.add(unit);
            }
            List<String> options = List.of("-d", staging.toString(), "-classpath", libraries.classpath(),
                    "--release", "17", "-g", "-proc:none", "-encoding", "UTF-8", "-implicit:none", "-Xlint:none",
                    "-sourcepath", "");
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
                List<Problem> problems = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        Program p = d.getSource() == null ? null : bySource.get(d.getSource().toUri());
                        String file = p == null ? "snippets" : p.source();
                        problems.add(Problem.at(file, (int) d.getLineNumber(), "error: " + d.getMessage(Locale.ROOT)));
                    }
                }
                if (!ok || !problems.isEmpty()) {
                    throw new BuildFailure("compile", problems.isEmpty()
                            ? List.of(Problem.in("snippets", "javac failed without a diagnostic")) : problems);
                }
            }
            try (Stream<Path> old = Files.list(cacheDir)) { // only the newest tree is worth keeping
                for (Path stale : old.filter(d -> !d.equals(staging)).toList()) {
                    deleteTree(stale);
                }
            }
            Files.move(staging, classes, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(staging);
        }
    }

    /** For each program, a hash over the sources of the snippet classes it reaches through its class files. */
    private static Map<String, String> fingerprints(List<Program> programs, Path classes) {
        Map<String, Program> byClass = new HashMap<>();
        programs.forEach(p -> byClass.put(p.className().replace('.', '/'), p));
        Map<String, Set<String>> uses = new HashMap<>(); // program id -> program ids used directly
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                String internal = classes.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "");
                Program owner = byClass.get(internal.replaceFirst("\\$.*$", ""));
                if (owner == null) {
                    continue;
                }
                Set<String> used = uses.computeIfAbsent(owner.id(), k -> new TreeSet<>());
                for (String s : ClassReferences.constantStrings(Files.readAllBytes(file))) {
                    for (Map.Entry<String, Program> known : byClass.entrySet()) {
                        if (s.equals(known.getKey()) || s.contains("L" + known.getKey() + ";")
                                || s.startsWith(known.getKey() + "$")) {
                            used.add(known.getValue().id());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Program> byId = new HashMap<>();
        programs.forEach(p -> byId.put(p.id(), p));
        Map<String, String> result = new TreeMap<>();
        for (Program p : programs) {
            Set<String> closure = new TreeSet<>();
            collect(p.id(), uses, closure);
            Hashing h = Hashing.sha256();
            closure.forEach(id -> h.add(id).add(byId.get(id).text()));
            result.put(p.id(), h.hex());
        }
        return result;
    }

    private static void collect(String id, Map<String, Set<String>> uses, Set<String> closure) {
        if (closure.add(id)) {
            uses.getOrDefault(id, Set.of()).forEach(next -> collect(next, uses, closure));
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A program's text as javac input, named by its repository path so diagnostics point at it. */
    private static final class SourceUnit extends SimpleJavaFileObject {
        private final String text;

        SourceUnit(Program program) {
            super(URI.create("snippet:///" + program.source()), Kind.SOURCE);
            this.text = program.text();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
