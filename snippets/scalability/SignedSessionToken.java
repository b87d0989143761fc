package scalability;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stateless sessions: the server signs the session's claims with HMAC-SHA256 and hands them to the
 * client; any pod holding the key can verify them without a lookup. The demo key below is public on
 * purpose; a real one comes from a secret store and is rotated.
 */
public class SignedSessionToken {

    static final byte[] DEMO_KEY = "demo-key-never-use-in-production".getBytes(StandardCharsets.UTF_8);
    static final long NOW = 1_700_000_000L;      // a fixed "now", in Unix seconds, so the output never changes
    static final long LIFETIME_SECONDS = 3_600;

    // tag::token[]
    static String sign(String claims, byte[] key) {
        String body = base64(claims.getBytes(StandardCharsets.UTF_8));
        return body + "." + base64(hmac(body, key));
    }

    /** The claims if the signature matches and the token has not expired; null otherwise. */
    static String verify(String token, byte[] key, long now) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String body = token.substring(0, dot);
        byte[] presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        if (!MessageDigest.isEqual(presented, hmac(body, key))) { // constant-time comparison
            return null;
        }
        String claims = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
        long expires = Long.parseLong(claims.replaceAll(".*exp=(\\d+).*", "$1"));
        return now < expires ? claims : null;
    }

    static byte[] hmac(String data, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
    // end::token[]

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String claims(String user) {
        return "user=" + user + ";exp=" + (NOW + LIFETIME_SECONDS);
    }

    public static void main(String[] args) {
        String token = sign(claims("alice"), DEMO_KEY);
        System.out.println("token: " + token);
        for (String pod : List.of("pod-a", "pod-b", "pod-c")) { // each holds the key, none holds state
            System.out.printf("  %s: %s%n", pod, verdict(verify(token, DEMO_KEY, NOW)));
        }
        String body = base64(claims("admin").getBytes(StandardCharsets.UTF_8));
        String forged = body + token.substring(token.indexOf('.'));
        byte[] wrongKey = "a-guessed-key".getBytes(StandardCharsets.UTF_8);
        System.out.println("claims edited to user=admin: " + verdict(verify(forged, DEMO_KEY, NOW)));
        System.out.println("signed with a guessed key:   "
                + verdict(verify(sign(claims("alice"), wrongKey), DEMO_KEY, NOW)));
        System.out.println("an hour later (expired):     "
                + verdict(verify(token, DEMO_KEY, NOW + LIFETIME_SECONDS)));
        System.out.println("a minute after logout:       " + verdict(verify(token, DEMO_KEY, NOW + 60)));
        System.out.println("  (a signed token cannot be revoked early without server-side state)");
    }

    static String verdict(String claims) {
        return claims == null ? "rejected" : "accepted, " + claims;
    }

    public static Map<String, Object> facts() {
        String claims = claims("alice");
        return Map.of(
                "token-key", new String(DEMO_KEY, StandardCharsets.UTF_8),
                "token-claims", claims,
                "token-signature-hex", HexFormat.of().formatHex(hmac(base64(claims.getBytes(StandardCharsets.UTF_8)), DEMO_KEY)),
                "token-lifetime-s", LIFETIME_SECONDS);
    }
}
