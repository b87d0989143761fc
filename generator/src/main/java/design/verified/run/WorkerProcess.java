package design.verified.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The build's handle on one worker JVM: send a request, wait for the answer within a time limit. */
final class WorkerProcess implements AutoCloseable {

    private static final int STARTUP_LIMIT_SECONDS = 120;
    private static final long POLL_MILLIS = 50;
    /** A program that neither finishes nor uses CPU for this many times its limit is stuck waiting. */
    private static final int BLOCKED_FACTOR = 12;

    private final Process process;
    /** Whether HotSpot's optimizing compiler (C2) is on in this JVM: see {@link #start}. */
    final boolean optimized;
    private final PrintStream requests;
    private final BufferedReader responses;

    private WorkerProcess(Process process, boolean optimized) {
        this.process = process;
        this.optimized = optimized;
        this.requests = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.responses = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * @param optimized false for the usual worker, whose JIT stops at C1: most programs run for a few
     *                  hundredths of a second, and C2 spent more CPU compiling them than it saved (on this
     *                  site, 0.7 of the CPU time in all, measured). A long hashing or simulation loop
     *                  ({@code // run: jit=c2}) runs several times faster with C2.
     */
    static WorkerProcess start(Path workingDirectory, String librariesClasspath, int heapMegabytes, boolean optimized) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                optimized ? "-XX:+TieredCompilation" : "-XX:TieredStopAtLevel=1",
                "-Xmx" + heapMegabytes + "m", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
                "-Djava.security.manager=allow", "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC",
                "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-cp", workerClasspath(), Worker.class.getName(), librariesClasspath));
        try {
            Process p = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            WorkerProcess worker = new WorkerProcess(p, optimized);
            worker.awaitReady();
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a worker JVM", e);
        }
    }

    /** Only what the worker needs: its own classes and Jackson. Snippets never see this class path. */
    private static String workerClasspath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(Worker.class, ObjectMapper.class, JsonFactory.class, JsonProperty.class)) {
            try {
                String entry = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Runs one program. Returns its response, or throws {@link WorkerLost} when the time limit passed or
     * the JVM died; the worker is unusable afterwards in both cases.
     */
    WorkerProtocol.Response run(WorkerProtocol.Request request, Duration timeout) throws WorkerLost {
        try {
            requests.println(WorkerProtocol.JSON.writeValueAsString(request));
        } catch (IOException e) {
            throw new WorkerLost(describeDeath());
        }
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(this::readLine);
        Duration cpuAtStart = cpuTime();
        long wallStart = System.nanoTime();
        Duration blockedLimit = timeout.multipliedBy(BLOCKED_FACTOR);
        try {
            while (true) {
                try {
                    String line = answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (line == null) {
                        throw new WorkerLost(describeDeath());
                    }
                    return WorkerProtocol.JSON.readValue(line, WorkerProtocol.Response.class);
                } catch (TimeoutException stillRunning) {
                    if (cpuTime().minus(cpuAtStart).compareTo(timeout) > 0) {
                        close();
                        throw new WorkerLost("did not finish within " + seconds(timeout) + " of CPU time"
                                + " (an endless loop? raise the limit with a '// run: timeout=20s' line if the work is real)");
                    }
                    if (System.nanoTime() - wallStart > blockedLimit.toNanos()) {
                        close();
                        throw new WorkerLost("was still running after " + seconds(blockedLimit)
                                + " without using its " + seconds(timeout) + " of CPU: is it waiting for something"
                                + " that never happens (a deadlock, a latch never counted down)?");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new WorkerLost("interrupted");
        } catch (ExecutionException | IOException e) {
            throw new WorkerLost(describeDeath());
        }
    }

    /**
     * CPU time used by the worker JVM (all its threads): a time limit in CPU time stops endless loops
     * without failing a program only because a shared machine was busy.
     */
    private Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Waits for the worker's ready line; a loaded machine may take seconds to start a JVM. */
    private void awaitReady() {
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(this::readLine);
        try {
            String line = ready.get(STARTUP_LIMIT_SECONDS, TimeUnit.SECONDS);
            if (!WorkerProtocol.READY.equals(line)) {
                close();
                throw new IllegalStateException("a worker JVM failed to start: " + describeDeath());
            }
        } catch (TimeoutException | ExecutionException e) {
            close();
            throw new IllegalStateException("a worker JVM did not start within " + STARTUP_LIMIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting a worker JVM", e);
        }
    }

    private String readLine() {
        try {
            return responses.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private String describeDeath() {
        try {
            int code = process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
            return "stopped the JVM running it (exit code " + code + "); a program must return from main normally";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "stopped the JVM running it";
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        requests.close();
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class WorkerLost extends Exception {
        WorkerLost(String message) {
            super(message);
        }
    }
}
