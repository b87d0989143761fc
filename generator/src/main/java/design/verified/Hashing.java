package design.verified;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over a sequence of strings, each length-prefixed so that ("ab","c") and ("a","bc") differ. */
public final class Hashing {
    private final MessageDigest digest;

    private Hashing() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Hashing sha256() {
        return new Hashing();
    }

    public Hashing add(String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        return this;
    }

    public Hashing add(byte[] bytes) {
        digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
