package design.verified.serve;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders recursively and hands back batches of changed files: an editor's save is often
 * several events (write, rename, attribute change), so a batch closes after a short quiet period.
 */
final class SourceWatcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 120;

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    SourceWatcher(List<Path> roots) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            }
        }
    }

    List<Path> nextChanges() throws InterruptedException, IOException {
        TreeSet<Path> changed = new TreeSet<>();
        WatchKey key = service.take();
        while (key != null) {
            Path folder = folders.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
                    continue;
                }
                Path file = folder.resolve((Path) event.context());
                if (file.getFileName().toString().startsWith(".") || file.getFileName().toString().endsWith("~")) {
                    continue; // editor swap and backup files
                }
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                    registerTree(file);
                }
                changed.add(file);
            }
            key.reset();
            key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
        return changed.isEmpty() ? nextChanges() : new ArrayList<>(changed);
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), dir);
            }
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
