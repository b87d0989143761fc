package design.verified.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Permission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * The JVM that runs programs for the build, one after another, each in a fresh class loader and its own
 * thread group. It reads requests from stdin and answers on the stdout it had at start; a program's own
 * prints go to a bounded buffer. The build kills this JVM when a program runs past its time limit, and
 * replaces it after any failure, so a bad program can spoil at most its own run.
 */
public final class Worker {

    static final int OUTPUT_CAP_BYTES = 100 * 1024;
    private static final Pattern LOCAL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final ClassLoader libraries;
    private final Properties baselineProperties;
    private volatile Integer exitStatus;
    private volatile boolean exiting;

    private Worker(ClassLoader libraries) {
        this.libraries = libraries;
        this.baselineProperties = (Properties) System.getProperties().clone();
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<URL> jars = new ArrayList<>();
        if (args.length > 0 && !args[0].isBlank()) {
            for (String jar : args[0].split(File.pathSeparator)) {
                jars.add(Path.of(jar).toUri().toURL());
            }
        }
        Worker worker = new Worker(new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
        worker.guardExit();
        protocolOut.println(WorkerProtocol.READY); // start-up is not charged to the first program's time limit
        String line;
        while ((line = in.readLine()) != null) {
            WorkerProtocol.Request request = WorkerProtocol.JSON.readValue(line, WorkerProtocol.Request.class);
            Outcome outcome = worker.run(request);
            protocolOut.println(WorkerProtocol.JSON.writeValueAsString(outcome.response()));
            if (outcome.tainted()) {
                worker.exiting = true;
                Runtime.getRuntime().halt(3); // a leftover thread may still be running: start afresh
            }
        }
    }

    private record Outcome(WorkerProtocol.Response response, boolean tainted) {
    }

    /** Turns System.exit inside a program into an exception the worker reports, instead of a dead JVM. */
    @SuppressWarnings("removal")
    private void guardExit() {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkExit(int status) {
                if (exiting) {
                    return;
                }
                exitStatus = status;
                throw new SecurityException("System.exit(" + status + ") is not allowed in a program");
            }

            @Override
            public void checkPermission(Permission perm) {
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
            }
        });
    }

    private Outcome run(WorkerProtocol.Request request) {
        exitStatus = null;
        BoundedBuffer out = new BoundedBuffer(OUTPUT_CAP_BYTES);
        BoundedBuffer err = new BoundedBuffer(OUTPUT_CAP_BYTES);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        Locale.setDefault(Locale.US);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        Execution execution = new Execution(request);
        ThreadGroup group = new ThreadGroup("program " + request.programId());
        try (URLClassLoader loader = new URLClassLoader(new URL[]{Path.of(request.classesDir()).toUri().toURL()}, libraries)) {
            Thread main = new Thread(group, () -> execution.execute(loader), "main");
            main.setContextClassLoader(loader);
            main.start();
            main.join();
            List<String> leftovers = leftoverThreads(group);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.flush();
            System.err.flush();
            String failure = execution.failure;
            boolean tainted = !leftovers.isEmpty();
            if (exitStatus != null) {
                failure = "called System.exit(" + exitStatus + "); a program must return from main so the build can go on";
            } else if (out.overflowed) {
                failure = "printed more than " + OUTPUT_CAP_BYTES / 1024 + " KB; print a summary, not the raw data";
            } else if (failure == null && tainted) {
                failure = "left thread(s) running after main returned: " + String.join(", ", leftovers)
                        + "; shut down executors and join threads before returning";
            }
            return new Outcome(new WorkerProtocol.Response(request.programId(), failure, execution.line,
                    execution.hasMain, out.text(), err.text(), execution.facts, execution.tables, execution.derived,
                    execution.charts, millis),
                    tainted);
        } catch (Exception e) {
            return new Outcome(new WorkerProtocol.Response(request.programId(), "could not run: " + e, 0, false,
                    out.text(), err.text(), Map.of(), Map.of(), Map.of(), Map.of(), 0), true);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.setProperties((Properties) baselineProperties.clone());
            Locale.setDefault(Locale.US);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        }
    }

    /** Waits briefly for threads the program started; names those still alive. */
    private static List<String> leftoverThreads(ThreadGroup group) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        List<String> alive = new ArrayList<>();
        while (true) {
            Thread[] threads = new Thread[group.activeCount() + 8];
            int n = group.enumerate(threads, true);
            alive.clear();
            for (int i = 0; i < n; i++) {
                if (threads[i].isAlive() && !threads[i].isDaemon()) {
                    alive.add(threads[i].getName());
                }
            }
            if (alive.isEmpty() || System.nanoTime() > deadline) {
                return alive;
            }
            Thread.sleep(20);
        }
    }

    /** Calls the program's entry points and converts what they return into plain values. */
    private static final class Execution {
        private final WorkerProtocol.Request request;
        String failure;
        int line;
        boolean hasMain;
        Map<String, Object> facts = Map.of();
        Map<String, List<List<String>>> tables = Map.of();
        Map<String, List<String>> derived = new LinkedHashMap<>();
        Map<String, JsonNode> charts = Map.of();

        Execution(WorkerProtocol.Request request) {
            this.request = request;
        }

        void execute(ClassLoader loader) {
            try {
                Class<?> type = Class.forName(request.className(), true, loader);
                Method main = entryPoint(type, "main", String[].class);
                hasMain = main != null;
                if (main != null) {
                    main.invoke(null, (Object) new String[0]);
                }
                Method factsMethod = entryPoint(type, "facts");
                if (factsMethod != null) {
                    facts = facts(factsMethod.invoke(null));
                }
                Method tablesMethod = entryPoint(type, "tables");
                if (tablesMethod != null) {
                    tables = tables(tablesMethod.invoke(null), derived);
                }
                Method chartsMethod = entryPoint(type, "charts");
                if (chartsMethod != null) {
                    charts = charts(chartsMethod.invoke(null));
                }
            } catch (InvocationTargetException e) {
                fail(e.getCause());
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void fail(Throwable e) {
            String where = request.className();
            for (StackTraceElement frame : e.getStackTrace()) {
                if (frame.getClassName().equals(where) || frame.getClassName().startsWith(where + "$")) {
                    line = Math.max(frame.getLineNumber(), 0);
                    break;
                }
            }
            failure = e instanceof InvalidResult ? e.getMessage() : "threw " + e;
            if (e instanceof OutOfMemoryError) {
                failure += " (the heap cap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)";
            } else if (e instanceof StackOverflowError) {
                failure = "threw java.lang.StackOverflowError (unbounded recursion?)";
            }
        }

        private static Method entryPoint(Class<?> type, String name, Class<?>... params) {
            try {
                Method m = type.getDeclaredMethod(name, params);
                if (Modifier.isStatic(m.getModifiers())) {
                    m.setAccessible(true);
                    return m;
                }
                return null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        private static Map<String, Object> facts(Object value) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : named(value, "facts()").entrySet()) {
                Object v = e.getValue();
                if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                    out.put(e.getKey(), ((Number) v).longValue());
                } else if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (!Double.isFinite(d)) {
                        throw new InvalidResult("facts() gave " + d + " for '" + e.getKey() + "'");
                    }
                    out.put(e.getKey(), d);
                } else if (v instanceof CharSequence || v instanceof Boolean) {
                    out.put(e.getKey(), v.toString());
                } else {
                    throw new InvalidResult("facts() gave a " + (v == null ? "null" : v.getClass().getSimpleName())
                            + " for '" + e.getKey() + "'; use a number or a string");
                }
            }
            return out;
        }

        /**
         * A table is a List of rows (the first the header), or a Map with "rows" and "derived": the names
         * of the columns computed from the others, which the page marks and the tests recompute.
         */
        private static Map<String, List<List<String>>> tables(Object value, Map<String, List<String>> derived) {
            Map<String, List<List<String>>> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : named(value, "tables()").entrySet()) {
                Object tableValue = e.getValue();
                if (tableValue instanceof Map<?, ?> declared) {
                    tableValue = declared.get("rows");
                    if (declared.get("derived") instanceof List<?> columns) {
                        derived.put(e.getKey(), columns.stream().map(String::valueOf).toList());
                    }
                }
                if (!(tableValue instanceof List<?> rows) || rows.size() < 2) {
                    throw new InvalidResult("tables() entry '" + e.getKey()
                            + "' must be a List of rows (a header row and at least one body row), or a Map with"
                            + " \"rows\" and \"derived\"");
                }
                List<List<String>> table = new ArrayList<>();
                for (Object row : rows) {
                    if (!(row instanceof List<?> cells) || cells.size() != ((List<?>) rows.get(0)).size()) {
                        throw new InvalidResult("tables() entry '" + e.getKey() + "' row " + table.size()
                                + " is not a List with as many cells as the header");
                    }
                    table.add(cells.stream().map(String::valueOf).toList());
                }
                out.put(e.getKey(), table);
            }
            return out;
        }

        private static Map<String, JsonNode> charts(Object value) throws Exception {
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : named(value, "charts()").entrySet()) {
                JsonNode option = e.getValue() instanceof CharSequence json
                        ? WorkerProtocol.JSON.readTree(json.toString())
                        : WorkerProtocol.JSON.valueToTree(e.getValue());
                if (!(option instanceof ObjectNode)) {
                    throw new InvalidResult("charts() entry '" + e.getKey() + "' is not a JSON object");
                }
                String bad = firstNonFinite(option, "");
                if (bad != null) {
                    throw new InvalidResult("charts() entry '" + e.getKey() + "' has a non-finite number at " + bad);
                }
                out.put(e.getKey(), option);
            }
            return out;
        }

        private static String firstNonFinite(JsonNode node, String path) {
            if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
                return path.isEmpty() ? "/" : path;
            }
            if (node.isContainerNode()) {
                if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        String bad = firstNonFinite(node.get(i), path + "/" + i);
                        if (bad != null) {
                            return bad;
                        }
                    }
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        String bad = firstNonFinite(f.getValue(), path + "/" + f.getKey());
                        if (bad != null) {
                            return bad;
                        }
                    }
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> named(Object value, String method) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new InvalidResult(method + " must return a Map from name to value");
            }
            for (Object key : map.keySet()) {
                if (!(key instanceof String s) || !LOCAL_NAME.matcher(s).matches()) {
                    throw new InvalidResult(method + " has the name '" + key
                            + "'; names are letters, digits, '-' and '_', starting with a letter");
                }
            }
            return (Map<String, Object>) map;
        }
    }

    private static final class InvalidResult extends RuntimeException {
        InvalidResult(String message) {
            super(message);
        }
    }

    /** Keeps at most {@code cap} bytes; more sets a flag and ends the program's print with an error. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int cap;
        volatile boolean overflowed;

        BoundedBuffer(int cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (bytes.size() + len > cap) {
                overflowed = true;
                throw new OutputLimitExceeded();
            }
            bytes.write(b, off, len);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** An Error, so that a program's catch (Exception e) does not swallow it. */
    private static final class OutputLimitExceeded extends Error {
        OutputLimitExceeded() {
            super("output limit exceeded"); // with a stack trace: it points at the line that printed
        }
    }
}
