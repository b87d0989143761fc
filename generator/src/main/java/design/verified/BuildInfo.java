package design.verified;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/**
 * Which sources a build came from: the commit and the commit's date. Pages show this date, never the
 * clock's, so two builds of the same commit are byte-identical. Outside a git checkout the date comes
 * from SOURCE_DATE_EPOCH (the reproducible-builds convention) when set.
 */
public record BuildInfo(String commit, String date) {

    public static final BuildInfo UNKNOWN = new BuildInfo("unknown", "unknown");

    public static BuildInfo of(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "log", "-1", "--format=%H %ct")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40} \\d+")) {
                String[] parts = out.split(" ");
                return new BuildInfo(parts[0], day(Long.parseLong(parts[1])));
            }
        } catch (IOException e) {
            // no git: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        return epoch != null && epoch.matches("\\d+") ? new BuildInfo("unknown", day(Long.parseLong(epoch))) : UNKNOWN;
    }

    private static String day(long epochSeconds) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC));
    }

    public String shortCommit() {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
