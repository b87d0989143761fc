package design.verified.run;

import design.verified.BuildFailure;
import design.verified.FileTrees;
import design.verified.Hashing;
import design.verified.Problem;
import design.verified.compile.CompiledPrograms;
import design.verified.compile.SnippetLibraries;
import design.verified.discover.Program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stage 3: runs every program that is not in the cache, on a small pool of worker JVMs, and returns
 * all results or fails with one problem per failed program. Healthy workers stay alive between builds
 * of the same session (the preview server), so a rebuild does not pay for JVM start-up.
 */
public final class ProgramRunner implements AutoCloseable {

    /** Changes whenever the worker's code changes, so results from an older runner are not reused. */
    private static final String RUNNER_VERSION = workerFingerprint();

    private final RunCache cache;
    private final Path root;
    private final SnippetLibraries libraries;
    private final int workers;
    private final int heapMegabytes;
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    /** This session's latest result and code fingerprint of each program, for deferred reruns in preview. */
    private final Map<String, ProgramResult> lastResult = new ConcurrentHashMap<>();
    private final Map<String, String> lastFingerprint = new ConcurrentHashMap<>();
    /** Hashes of the folders programs declare with {@code reads=}, computed once per build. */
    private final Map<String, String> folderHashes = new ConcurrentHashMap<>();

    public ProgramRunner(Path root, Path cacheRoot, SnippetLibraries libraries) {
        this(root, cacheRoot, libraries, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), 512);
    }

    /** @param root the repository root: programs run there, so "content/" means the repository's pages */
    public ProgramRunner(Path root, Path cacheRoot, SnippetLibraries libraries, int workers, int heapMegabytes) {
        this.root = root;
        this.cache = new RunCache(cacheRoot);
        this.libraries = libraries;
        this.workers = workers;
        this.heapMegabytes = heapMegabytes;
    }

    /**
     * With an empty result cache every program will run, so the worker JVMs start now (each takes a few
     * tenths of a second), while the build compiles, instead of when the run stage begins: one per lane,
     * and one with C2 if a program asks for it. Otherwise it waits to see whether anything runs at all.
     */
    public void startWorkersIfCacheIsEmpty(List<Program> programs) {
        if (!cache.isEmpty()) {
            return;
        }
        while (idleCount(false) < Math.min(workers, programs.size())) {
            giveBack(WorkerProcess.start(root, libraries.classpath(), heapMegabytes, false));
        }
        if (programs.stream().anyMatch(Program::optimized) && idleCount(true) == 0) {
            giveBack(WorkerProcess.start(root, libraries.classpath(), heapMegabytes, true));
        }
    }

    public RunResults runAll(List<Program> programs, CompiledPrograms compiled) {
        return runAll(programs, compiled, false);
    }

    /**
     * @param deferContentReaders preview only: a program whose code did not change but which reads a
     *                            folder that did (the search module indexes the site's own pages) keeps
     *                            its previous result for now, so a prose edit shows at once; the caller
     *                            builds again to rerun it
     */
    public RunResults runAll(List<Program> programs, CompiledPrograms compiled, boolean deferContentReaders) {
        folderHashes.clear(); // a new build: the folders may have changed
        Map<String, ProgramResult> results = Collections.synchronizedMap(new TreeMap<>());
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Program> optimized = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Program> quick = new ConcurrentLinkedQueue<>();
        Map<String, String> keys = new TreeMap<>();
        List<String> deferred = new ArrayList<>();
        for (Program p : programs) {
            String key = cacheKey(p, compiled);
            keys.put(p.id(), key);
            Optional<ProgramResult> cached = cache.get(key);
            ProgramResult previous = lastResult.get(p.id());
            if (cached.isPresent()) {
                results.put(p.id(), cached.get());
            } else if (deferContentReaders && !p.reads().isEmpty() && previous != null
                    && compiled.fingerprints().get(p.id()).equals(lastFingerprint.get(p.id()))) {
                results.put(p.id(), previous);
                deferred.add(p.id());
            } else {
                (p.optimized() ? optimized : quick).add(p);
            }
        }
        int executed = optimized.size() + quick.size();
        int lanes = Math.min(workers, executed);
        if (lanes > 0) {
            ExecutorService pool = Executors.newFixedThreadPool(lanes);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < lanes; i++) {
                    // the long C2 programs go first, on one lane, while the others start on the short ones
                    List<Queue<Program>> order = i == 0 ? List.of(optimized, quick) : List.of(quick, optimized);
                    running.add(pool.submit(() -> drain(order, compiled, keys, results, problems)));
                }
                for (Future<?> lane : running) {
                    lane.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("the run stage itself failed", e);
            } finally {
                pool.shutdownNow();
            }
        }
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort((a, b) -> a.location().compareTo(b.location()));
            throw new BuildFailure("run", sorted);
        }
        for (Program p : programs) {
            if (!deferred.contains(p.id())) {
                lastResult.put(p.id(), results.get(p.id()));
                lastFingerprint.put(p.id(), compiled.fingerprints().get(p.id()));
            }
        }
        return new RunResults(Map.copyOf(results), executed, List.copyOf(deferred));
    }

    /**
     * One lane: a worker JVM taking programs off the queues in turn, replaced whenever a program spoils it
     * or needs the other kind of JIT.
     */
    private void drain(List<Queue<Program>> queues, CompiledPrograms compiled, Map<String, String> keys,
                       Map<String, ProgramResult> results, List<Problem> problems) {
        WorkerProcess worker = null;
        try {
            for (Queue<Program> queue : queues) {
                Program p;
                while ((p = queue.poll()) != null) {
                    if (worker != null && (!worker.isAlive() || worker.optimized != p.optimized())) {
                        giveBack(worker);
                        worker = null;
                    }
                    while (worker == null) {
                        worker = borrow(p.optimized());
                        if (worker == null) {
                            worker = WorkerProcess.start(root, libraries.classpath(), heapMegabytes, p.optimized());
                        } else if (!worker.isAlive()) {
                            worker.close();
                            worker = null;
                        }
                    }
                    worker = runOne(worker, p, compiled, keys, results, problems);
                }
            }
        } finally {
            giveBack(worker);
        }
    }

    /** Runs one program; returns the worker, or null when the worker had to be stopped. */
    private WorkerProcess runOne(WorkerProcess worker, Program p, CompiledPrograms compiled, Map<String, String> keys,
                                 Map<String, ProgramResult> results, List<Problem> problems) {
        WorkerProtocol.Request request = new WorkerProtocol.Request(p.id(), p.className(), compiled.classesDir().toString());
        try {
            WorkerProtocol.Response r = worker.run(request, p.timeout());
            if (r.error() == null) {
                ProgramResult result = new ProgramResult(p.id(), r.hasMain(), r.stdout(), r.facts(), r.tables(),
                        r.derived(), r.charts(), r.millis(), false);
                cache.put(keys.get(p.id()), result);
                results.put(p.id(), result);
                return worker;
            }
            problems.add(Problem.at(p.source(), r.line(), r.error() + stderrTail(r.stderr())));
        } catch (WorkerProcess.WorkerLost lost) {
            problems.add(Problem.in(p.source(), lost.getMessage()));
        }
        worker.close();
        return null;
    }

    /** An idle worker with this kind of JIT, or null. */
    private synchronized WorkerProcess borrow(boolean optimized) {
        for (WorkerProcess w : idle) {
            if (w.optimized == optimized) {
                idle.remove(w);
                return w;
            }
        }
        return null;
    }

    private synchronized int idleCount(boolean optimized) {
        return (int) idle.stream().filter(w -> w.optimized == optimized).count();
    }

    private synchronized void giveBack(WorkerProcess worker) {
        if (worker != null && worker.isAlive()) {
            idle.addLast(worker);
        }
    }

    /** Stops the idle workers; a later build starts new ones. */
    @Override
    public synchronized void close() {
        idle.forEach(WorkerProcess::close);
        idle.clear();
    }

    private static String stderrTail(String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return "";
        }
        String[] lines = stderr.strip().split("\n");
        int from = Math.max(0, lines.length - 5);
        return "\n    stderr: " + String.join("\n    stderr: ", List.of(lines).subList(from, lines.length));
    }

    private String cacheKey(Program p, CompiledPrograms compiled) {
        Hashing key = Hashing.sha256().add(RUNNER_VERSION).add(System.getProperty("java.version"))
                .add(libraries.fingerprint()).add(compiled.fingerprints().get(p.id()))
                .add(p.timeout().toString()).add(Integer.toString(heapMegabytes));
        for (String folder : p.reads()) { // a program that reads the repository depends on what it reads
            key.add(folder).add(folderHash(folder));
        }
        return key.hex().substring(0, 32);
    }

    /** A hash of every file's path and bytes under a repository folder, computed once per build. */
    private String folderHash(String folder) {
        return folderHashes.computeIfAbsent(folder, f -> {
            Hashing h = Hashing.sha256();
            try {
                for (Path file : FileTrees.list(root.resolve(f))) {
                    h.add(root.relativize(file).toString()).add(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return h.hex();
        });
    }

    private static String workerFingerprint() {
        Hashing h = Hashing.sha256();
        for (Class<?> c : List.of(Worker.class, WorkerProtocol.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                h.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return h.hex();
    }
}
