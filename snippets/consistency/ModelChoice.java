package consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which consistency model each product feature needs, decided by the invariant it must not break. One list,
 * so the module page and the cheat sheet show the same rows.
 */
public class ModelChoice {

    record Choice(String feature, String model, String invariant) {
    }

    static final List<Choice> CHOICES = List.of(
            new Choice("Bank balance / ledger", "Strictly serializable transactions",
                    "Money is never created or destroyed. A transfer touches two accounts, so per-key"
                            + " linearizability is not enough: the transaction as a whole must be serializable."),
            new Choice("Airline seat booking", "Linearizable per seat (compare-and-set)",
                    "One seat, one passenger. Contention is per seat, so the coordination cost stays local."),
            new Choice("Inventory counter", "Linearizable counter, or reservations per region",
                    "Never sell stock you do not have. Escrow keeps each sale local and still cannot oversell."),
            new Choice("User profile edit", "Read-your-writes; eventual for everyone else",
                    "The editor sees the change at once; other viewers may lag by seconds."),
            new Choice("Social feed timeline", "Causal, otherwise eventual",
                    "A reply never shows before the post it answers."),
            new Choice("Like / view counter", "Eventual, merged as a counter CRDT",
                    "Briefly behind is fine; increments lost for good are not, so no last-writer-wins merge."),
            new Choice("Block list", "Read-your-writes for the blocker; checked on the read path",
                    "Once blocked, the blocked user sees nothing new; enforce where content is served."),
            new Choice("DNS records", "Eventual, bounded by the TTL",
                    "Changes spread within the TTL plus propagation time; lookups must never wait on consensus."),
            new Choice("Leader election / cluster config", "Linearizable (etcd, ZooKeeper) plus fencing tokens",
                    "At most one leader acts at a time; a paused old leader is stopped by the fencing token, not by hope."));

    public static Map<String, Object> tables() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Feature", "Model it needs", "The invariant, and why that model"));
        for (Choice c : CHOICES) {
            rows.add(List.of(c.feature(), c.model(), c.invariant()));
        }
        return Map.of("model-choice", rows);
    }
}
