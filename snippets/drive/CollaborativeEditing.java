package drive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two ways to let people type into the same document at once. Operational transformation (OT) shifts a
 * late operation past the ones a central server applied first. A sequence CRDT (here RGA) gives every
 * character a unique id, so replicas can apply operations in any order and still agree.
 */
public class CollaborativeEditing {

    // tag::ot[]
    record Op(boolean insert, int pos, char ch, int site) {
    }

    static String apply(String doc, Op op) {
        return op.insert() ? doc.substring(0, op.pos()) + op.ch() + doc.substring(op.pos())
                : doc.substring(0, op.pos()) + doc.substring(op.pos() + 1);
    }

    /** Rewrites {@code op} to mean the same after {@code first}, a concurrent op, was applied. */
    static Op transform(Op op, Op first) {
        int pos = op.pos();
        if (op.insert() && first.insert()) {
            boolean shifts = first.pos() < pos || (first.pos() == pos && first.site() < op.site());
            pos += shifts ? 1 : 0;                  // same position: the lower site id goes first
        } else if (op.insert()) {
            pos -= first.pos() < pos ? 1 : 0;
        } else if (first.insert()) {
            pos += first.pos() <= pos ? 1 : 0;
        } else if (first.pos() == pos) {
            return null;                                // both deleted the same character
        } else {
            pos -= first.pos() < pos ? 1 : 0;
        }
        return new Op(op.insert(), pos, op.ch(), op.site());
    }
    // end::ot[]

    // tag::crdt[]
    /** A character's identity: a Lamport counter and the replica that made it. */
    record Id(int counter, int site) implements Comparable<Id> {
        public int compareTo(Id o) {
            return counter != o.counter ? Integer.compare(counter, o.counter)
                    : Integer.compare(site, o.site);
        }
    }

    static final Id HEAD = new Id(0, 0);

    record Insert(Id id, Id after, char ch) {
    }

    record Delete(Id target) {
    }

    static final class Element {
        final Id id;
        final char ch;
        boolean deleted;                        // a tombstone: kept so later inserts can anchor

        Element(Id id, char ch) {
            this.id = id;
            this.ch = ch;
        }
    }

    /** One replica of a replicated growable array (RGA). */
    static final class Replica {
        final int site;
        int clock;
        final List<Element> sequence = new ArrayList<>();
        final Map<Id, Element> byId = new HashMap<>();

        Replica(int site) {
            this.site = site;
        }

        Insert insertAt(int visible, char ch) {
            Id after = visible == 0 ? HEAD : visibleElements().get(visible - 1).id;
            Insert op = new Insert(new Id(++clock, site), after, ch);
            apply(op);
            return op;
        }

        Delete deleteAt(int visible) {
            Delete op = new Delete(visibleElements().get(visible).id);
            apply(op);
            return op;
        }

        boolean ready(Object op) {
            return op instanceof Insert i ? i.after().equals(HEAD) || byId.containsKey(i.after())
                    : byId.containsKey(((Delete) op).target());
        }

        void apply(Object op) {
            if (op instanceof Delete d) {
                byId.get(d.target()).deleted = true;
                return;
            }
            Insert ins = (Insert) op;
            if (byId.containsKey(ins.id())) {
                return;                                  // already applied
            }
            clock = Math.max(clock, ins.id().counter());
            int pos = ins.after().equals(HEAD) ? 0 : sequence.indexOf(byId.get(ins.after())) + 1;
            while (pos < sequence.size() && sequence.get(pos).id.compareTo(ins.id()) > 0) {
                pos++;                                   // skip newer inserts at the same anchor
            }
            Element e = new Element(ins.id(), ins.ch());
            sequence.add(pos, e);
            byId.put(e.id, e);
        }

        List<Element> visibleElements() {
            return sequence.stream().filter(e -> !e.deleted).toList();
        }

        String text() {
            StringBuilder s = new StringBuilder();
            visibleElements().forEach(e -> s.append(e.ch));
            return s.toString();
        }
    }
    // end::crdt[]

    record Session(List<String> texts, int operations, int elements, int visible) {
    }

    /**
     * Three replicas type concurrently for 40 rounds; each round's operations reach the others in a
     * random order, some rounds late, and an operation waits until the character it anchors on exists.
     */
    static Session session(long seed) {
        Random random = new Random(seed);
        List<Replica> replicas = List.of(new Replica(1), new Replica(2), new Replica(3));
        List<List<Object>> inboxes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int operations = 0;
        for (int round = 0; round < 40; round++) {
            for (int r = 0; r < 3; r++) {
                Replica me = replicas.get(r);
                for (int k = 0; k < 1 + random.nextInt(3); k++) {
                    int length = me.visibleElements().size();
                    Object op = length > 0 && random.nextDouble() < 0.3 ? me.deleteAt(random.nextInt(length))
                            : me.insertAt(random.nextInt(length + 1), (char) ('a' + random.nextInt(26)));
                    operations++;
                    for (int other = 0; other < 3; other++) {
                        if (other != r) {
                            inboxes.get(other).add(op);
                        }
                    }
                }
            }
            for (int r = 0; r < 3; r++) {
                if (random.nextDouble() < 0.7) {             // otherwise this replica is offline this round
                    deliver(replicas.get(r), inboxes.get(r), random);
                }
            }
        }
        for (int r = 0; r < 3; r++) {
            deliver(replicas.get(r), inboxes.get(r), random);
        }
        List<String> texts = replicas.stream().map(Replica::text).toList();
        Replica one = replicas.get(0);
        return new Session(texts, operations, one.sequence.size(), one.visibleElements().size());
    }

    static void deliver(Replica replica, List<Object> inbox, Random random) {
        Collections.shuffle(inbox, random);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < inbox.size(); i++) {
                if (replica.ready(inbox.get(i))) {
                    replica.apply(inbox.remove(i--));
                    progress = true;
                }
            }
        }
    }

    /** Bytes a replica keeps per element: a 4-byte counter, a 4-byte site, a 2-byte char, a 1-byte flag. */
    static final int BYTES_PER_ELEMENT = 4 + 4 + 2 + 1;

    static final Session SESSION = session(12);

    public static void main(String[] args) {
        Op alice = new Op(true, 3, 's', 1), bob = new Op(true, 3, '!', 2);
        String doc = "cat";
        System.out.printf("Naive: Alice sees \"%s\", Bob sees \"%s\"%n", apply(apply(doc, alice), bob),
                apply(apply(doc, bob), alice));
        System.out.printf("OT:    Alice sees \"%s\", Bob sees \"%s\"%n", apply(apply(doc, alice), transform(bob, alice)),
                apply(apply(doc, bob), transform(alice, bob)));
        Session s = SESSION;
        System.out.printf("%nRGA, 3 replicas, %d operations delivered in random order:%n", s.operations());
        System.out.printf("  all replicas agree: %b (%d visible characters)%n",
                s.texts().stream().distinct().count() == 1, s.visible());
        System.out.printf("  elements kept: %d (%d tombstones), %d bytes of state for %d bytes of text%n",
                s.elements(), s.elements() - s.visible(), s.elements() * BYTES_PER_ELEMENT, s.visible());
    }

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("crdt-operations", SESSION.operations());
        f.put("crdt-agree", SESSION.texts().stream().distinct().count() == 1 ? "yes" : "no");
        f.put("crdt-visible", SESSION.visible());
        f.put("crdt-tombstones", SESSION.elements() - SESSION.visible());
        f.put("crdt-bytes-per-element", BYTES_PER_ELEMENT);
        f.put("crdt-state-per-char", (double) SESSION.elements() * BYTES_PER_ELEMENT / SESSION.visible());
        return f;
    }
}
