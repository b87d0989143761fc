package urlshortener;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Custom aliases share the namespace of generated keys. A prefix rule keeps the two apart without a
 * lookup (generated keys start with a digit, aliases with a letter); a uniqueness constraint settles
 * races between two customers; a case policy decides whether "Sale" and "sale" are one alias.
 */
public class CustomAliases {

    enum CasePolicy { CASE_SENSITIVE, CASE_INSENSITIVE }

    static final int MIN_LENGTH = 4, MAX_LENGTH = 30;
    static final Set<String> RESERVED_PATHS = Set.of("api", "login", "logout", "admin", "static", "health", "help");
    static final Set<String> BLOCKED_WORDS = Set.of("phish", "malware", "scam");   // stand-in for a real filter

    // tag::table[]
    /** Stand-in for one table with a unique index on the key: INSERT ... ON CONFLICT DO NOTHING. */
    static final class InMemoryAliasTable {
        private final Map<String, String> urlByKey = new ConcurrentHashMap<>();

        boolean insertIfAbsent(String key, String longUrl) {
            return urlByKey.putIfAbsent(key, longUrl) == null;
        }

        String lookup(String key) {
            return urlByKey.get(key);
        }
    }

    static final class AliasService {
        private final InMemoryAliasTable table = new InMemoryAliasTable();
        private final CasePolicy policy;

        AliasService(CasePolicy policy) {
            this.policy = policy;
        }

        /** Returns "created" or the reason for refusing; checks the cheap rules before touching the table. */
        String claim(String alias, String longUrl) {
            String problem = validate(alias);
            if (problem != null) {
                return problem;
            }
            return table.insertIfAbsent(canonical(alias), longUrl) ? "created" : "taken";
        }

        String resolve(String path) {
            return table.lookup(canonical(path));
        }

        private String canonical(String alias) {
            return policy == CasePolicy.CASE_INSENSITIVE ? alias.toLowerCase(Locale.ROOT) : alias;
        }
    }

    static String validate(String alias) {
        if (alias.length() < MIN_LENGTH || alias.length() > MAX_LENGTH) {
            return "length outside " + MIN_LENGTH + ".." + MAX_LENGTH;
        }
        if (!alias.matches("[A-Za-z0-9_-]+")) {
            return "characters outside A-Z a-z 0-9 _ -";
        }
        if (!Character.isLetter(alias.charAt(0))) {
            return "must start with a letter (digits are the generated keys' prefix)";
        }
        String lower = alias.toLowerCase(Locale.ROOT);
        if (RESERVED_PATHS.contains(lower)) {
            return "reserved path";
        }
        if (BLOCKED_WORDS.stream().anyMatch(lower::contains)) {
            return "blocked word";
        }
        return null;
    }
    // end::table[]

    static final List<String> REQUESTS = List.of("spring-sale", "Spring-Sale", "0000042", "admin", "go",
            "free-scam-offer", "my event", "launch2025");

    static void run(CasePolicy policy) {
        System.out.println(policy + ":");
        AliasService service = new AliasService(policy);
        for (String alias : REQUESTS) {
            System.out.printf("  %-17s %s%n", alias, service.claim(alias, "https://example.com/" + alias));
        }
        String target = service.resolve("SPRING-SALE");
        System.out.printf("  GET /SPRING-SALE -> %s%n", target == null ? "404 Not Found" : "301 to " + target);
    }

    public static void main(String[] args) {
        run(CasePolicy.CASE_SENSITIVE);
        run(CasePolicy.CASE_INSENSITIVE);
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "alias-min-length", MIN_LENGTH,
                "alias-max-length", MAX_LENGTH);
    }
}
