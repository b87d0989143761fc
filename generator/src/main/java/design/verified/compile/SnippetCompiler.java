package design.verified.compile;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import design.verified.BuildFailure;
import design.verified.FileTrees;
import design.verified.Hashing;
import design.verified.Problem;
import design.verified.discover.Program;

import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Stage 2: compiles the programs in one in-process javac call. A tree compiled before is reused as
 * it is; otherwise only the programs whose source changed, and the programs that use them, are
 * compiled, on top of a copy of the newest tree. Every tree is keyed by a hash of all sources, the
 * libraries and the JDK, so a cached tree is exactly what a full compile would produce.
 */
public final class SnippetCompiler {

    private static final int TREES_KEPT = 3;

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
        Optional<CompileManifest> existing = CompileManifest.readFrom(classes);
        if (existing.isPresent()) {
            touch(classes);
            return new CompiledPrograms(classes, fingerprints(programs, existing.get()), 0);
        }
        int compiled = compileInto(programs, classes, newestTree());
        return new CompiledPrograms(classes, fingerprints(programs, CompileManifest.readFrom(classes).orElseThrow()), compiled);
    }

    /** Compiles into a staging copy, then moves it into place; returns how many programs javac compiled. */
    private int compileInto(List<Program> programs, Path classes, Optional<Path> base) {
        Path staging = classes.resolveSibling(classes.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try {
            FileTrees.delete(staging);
            Files.createDirectories(staging);
            Map<String, CompileManifest.Entry> previous = Map.of();
            Set<String> toCompile = new TreeSet<>();
            programs.forEach(p -> toCompile.add(p.id()));
            if (base.isPresent()) {
                CompileManifest manifest = CompileManifest.readFrom(base.get()).orElseThrow();
                Set<String> affected = affected(programs, manifest);
                if (affected.size() < programs.size()) {
                    FileTrees.copy(base.get(), staging);
                    for (Map.Entry<String, CompileManifest.Entry> e : manifest.programs().entrySet()) {
                        if (affected.contains(e.getKey()) || programs.stream().noneMatch(p -> p.id().equals(e.getKey()))) {
                            for (String classFile : e.getValue().classFiles()) {
                                Files.deleteIfExists(staging.resolve(classFile));
                            }
                        }
                    }
                    Files.deleteIfExists(staging.resolve(CompileManifest.FILE));
                    previous = manifest.programs();
                    toCompile.retainAll(affected);
                }
            }
            List<Program> batch = programs.stream().filter(p -> toCompile.contains(p.id())).toList();
            Map<String, Set<String>> produced = runJavac(batch, staging);
            Map<String, CompileManifest.Entry> entries = new TreeMap<>();
            for (Program p : programs) {
                Set<String> files = produced.containsKey(p.id()) ? produced.get(p.id())
                        : previous.containsKey(p.id()) ? previous.get(p.id()).classFiles() : Set.of();
                entries.put(p.id(), new CompileManifest.Entry(sourceHash(p), files, Set.of()));
            }
            new CompileManifest(withUses(entries, staging)).writeTo(staging);
            FileTrees.delete(classes); // an unfinished tree from an interrupted build
            Files.move(staging, classes, StandardCopyOption.ATOMIC_MOVE);
            pruneOldTrees(classes);
            return batch.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.delete(staging);
        }
    }

    /** Programs whose source changed or is new, and every program that uses one of those (or a removed one). */
    private static Set<String> affected(List<Program> programs, CompileManifest base) {
        Set<String> changed = new TreeSet<>();
        Set<String> current = new HashSet<>();
        for (Program p : programs) {
            current.add(p.id());
            CompileManifest.Entry before = base.programs().get(p.id());
            if (before == null || !before.sourceHash().equals(sourceHash(p))) {
                changed.add(p.id());
            }
        }
        base.programs().keySet().stream().filter(id -> !current.contains(id)).forEach(changed::add);
        Set<String> affected = new TreeSet<>(changed);
        boolean grew = true;
        while (grew) { // callers of a changed class must be recompiled: javac inlines constants
            grew = false;
            for (Map.Entry<String, CompileManifest.Entry> e : base.programs().entrySet()) {
                if (!affected.contains(e.getKey()) && e.getValue().uses().stream().anyMatch(affected::contains)) {
                    affected.add(e.getKey());
                    grew = true;
                }
            }
        }
        affected.retainAll(current);
        return affected;
    }

    /** Runs javac; returns, per program id, the class files it produced (paths relative to the output). */
    private Map<String, Set<String>> runJavac(List<Program> batch, Path out) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw BuildFailure.of("compile", Problem.in("java", "this Java runtime has no compiler: run the build on a JDK"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<URI, Program> bySource = new HashMap<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (Program p : batch) {
            SourceUnit unit = new SourceUnit(p);
            bySource.put(unit.toUri(), p);
            units.add(unit);
        }
        String classpath = out + (libraries.jars().isEmpty() ? "" : File.pathSeparator + libraries.classpath());
        List<String> options = List.of("-d", out.toString(), "-classpath", classpath, "--release", "17", "-g",
                "-proc:none", "-encoding", "UTF-8", "-implicit:none", "-Xlint:none", "-sourcepath", "");
        Map<String, Set<String>> produced = new HashMap<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null, units);
            task.addTaskListener(new TaskListener() {
                @Override
                public void finished(TaskEvent e) {
                    if (e.getKind() == TaskEvent.Kind.GENERATE && e.getSourceFile() != null) {
                        Program p = bySource.get(e.getSourceFile().toUri());
                        TypeElement type = e.getTypeElement();
                        if (p != null && type != null) {
                            String binary = task.getElements().getBinaryName(type).toString();
                            produced.computeIfAbsent(p.id(), k -> new TreeSet<>()).add(binary.replace('.', '/') + ".class");
                        }
                    }
                }
            });
            boolean ok = task.call();
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
            for (Set<String> classFiles : produced.values()) { // nested and anonymous classes, whatever javac reported
                for (String top : new ArrayList<>(classFiles)) {
                    Path dir = out.resolve(top).getParent();
                    String prefix = Path.of(top).getFileName().toString().replaceFirst("\\.class$", "") + "$";
                    try (Stream<Path> siblings = Files.list(dir)) {
                        siblings.filter(f -> f.getFileName().toString().startsWith(prefix))
                                .forEach(f -> classFiles.add(out.relativize(f).toString().replace('\\', '/')));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return produced;
    }

    /** Which programs each program's classes refer to, read from the class files' constant pools. */
    private static Map<String, CompileManifest.Entry> withUses(Map<String, CompileManifest.Entry> entries, Path classes)
            throws IOException {
        Map<String, String> owner = new HashMap<>(); // internal class name -> program id
        entries.forEach((id, e) -> e.classFiles().forEach(f -> owner.put(f.replaceFirst("\\.class$", ""), id)));
        Map<String, CompileManifest.Entry> out = new TreeMap<>();
        for (Map.Entry<String, CompileManifest.Entry> e : entries.entrySet()) {
            Set<String> uses = new TreeSet<>();
            for (String classFile : e.getValue().classFiles()) {
                for (String s : ClassReferences.constantStrings(Files.readAllBytes(classes.resolve(classFile)))) {
                    for (String name : ClassReferences.classNamesIn(s)) {
                        String used = owner.get(name);
                        if (used != null && !used.equals(e.getKey())) {
                            uses.add(used);
                        }
                    }
                }
            }
            out.put(e.getKey(), new CompileManifest.Entry(e.getValue().sourceHash(), e.getValue().classFiles(), uses));
        }
        return out;
    }

    /** For each program, a hash over the sources of the programs it reaches, itself included. */
    private static Map<String, String> fingerprints(List<Program> programs, CompileManifest manifest) {
        Map<String, Program> byId = new HashMap<>();
        programs.forEach(p -> byId.put(p.id(), p));
        Map<String, String> result = new TreeMap<>();
        for (Program p : programs) {
            Set<String> closure = new TreeSet<>();
            collect(p.id(), manifest, closure);
            Hashing h = Hashing.sha256();
            closure.forEach(id -> h.add(id).add(byId.get(id).text()));
            result.put(p.id(), h.hex());
        }
        return result;
    }

    private static void collect(String id, CompileManifest manifest, Set<String> closure) {
        if (closure.add(id)) {
            manifest.programs().get(id).uses().forEach(next -> collect(next, manifest, closure));
        }
    }

    private static String sourceHash(Program p) {
        return Hashing.sha256().add(p.text()).hex();
    }

    private Optional<Path> newestTree() {
        if (!Files.isDirectory(cacheDir)) {
            return Optional.empty();
        }
        try (Stream<Path> trees = Files.list(cacheDir)) {
            return trees.filter(d -> Files.isRegularFile(d.resolve(CompileManifest.FILE)))
                    .max(Comparator.comparing(SnippetCompiler::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pruneOldTrees(Path keep) throws IOException {
        try (Stream<Path> trees = Files.list(cacheDir)) {
            List<Path> old = trees.filter(d -> !d.equals(keep) && !d.getFileName().toString().contains(".tmp"))
                    .sorted(Comparator.comparing(SnippetCompiler::modified).reversed()).toList();
            for (Path stale : old.subList(Math.min(old.size(), TREES_KEPT - 1), old.size())) {
                FileTrees.delete(stale);
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void touch(Path dir) {
        try {
            Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // only affects which tree the next incremental compile starts from
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
