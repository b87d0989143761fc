package feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Promoting a fast-growing account from push to pull while it keeps posting. The account posts once a
 * tick; fan-out takes one tick to reach inboxes. Two orders of the same three steps are replayed, and
 * after every tick the program checks which of the account's delivered posts a follower can see.
 */
public class CelebrityPromotion {

    // tag::promotion[]
    enum Step { STOP_FAN_OUT, PULL_ON_READ }

    static final class Account {
        boolean fanOut = true;           // write path: push new posts to followers' inboxes
        boolean pulledOnRead = false;    // read path: merge this account's own timeline into home timelines
        final List<Integer> ownTimeline = new ArrayList<>();   // source of truth: every post
        final List<Integer> inFlight = new ArrayList<>();      // queued fan-out, lands next tick
    }

    /** What the follower's home timeline shows of this account: inbox entries, plus pulled posts, deduplicated. */
    static Set<Integer> visible(Account a, Set<Integer> inbox) {
        Set<Integer> shown = new TreeSet<>(inbox);
        if (a.pulledOnRead) {
            shown.addAll(a.ownTimeline);
        }
        return shown;
    }

    record Replay(int hiddenPostTicks, String log) {
    }

    /** Replays ticks 0..7; the two steps of the promotion happen at ticks 3 and 5, in the given order. */
    static Replay replay(Step first, Step second) {
        Account a = new Account();
        Set<Integer> inbox = new TreeSet<>();
        int hiddenPostTicks = 0;
        StringBuilder log = new StringBuilder();
        for (int tick = 0; tick < 8; tick++) {
            inbox.addAll(a.inFlight);                    // last tick's fan-out lands
            a.inFlight.clear();
            if (tick == 3) {
                apply(a, first);
            }
            if (tick == 5) {
                apply(a, second);
            }
            a.ownTimeline.add(tick);                     // the account posts post number `tick`
            if (a.fanOut) {
                a.inFlight.add(tick);
            }
            Set<Integer> shown = visible(a, inbox);
            List<Integer> hidden = new ArrayList<>();
            for (int post = 0; post < tick; post++) {    // posts older than the fan-out lag should be visible
                if (!shown.contains(post)) {
                    hidden.add(post);
                }
            }
            hiddenPostTicks += hidden.size();
            log.append(String.format("  tick %d  push=%-5s pull=%-5s sees %-26s hidden %s%n", tick, a.fanOut,
                    a.pulledOnRead, shown, hidden));
        }
        return new Replay(hiddenPostTicks, log.toString());
    }

    static void apply(Account a, Step step) {
        if (step == Step.STOP_FAN_OUT) {
            a.fanOut = false;
        } else {
            a.pulledOnRead = true;
        }
    }
    // end::promotion[]

    public static void main(String[] args) {
        Replay stopFirst = replay(Step.STOP_FAN_OUT, Step.PULL_ON_READ);
        System.out.printf("Stop fan-out at tick 3, pull from tick 5 (hidden post-ticks: %d)%n%s", stopFirst.hiddenPostTicks(),
                stopFirst.log());
        Replay pullFirst = replay(Step.PULL_ON_READ, Step.STOP_FAN_OUT);
        System.out.printf("Pull from tick 3, stop fan-out at tick 5 (hidden post-ticks: %d)%n%s", pullFirst.hiddenPostTicks(),
                pullFirst.log());
    }

    public static Map<String, Object> facts() {
        return Map.of(
                "hidden-stop-first", replay(Step.STOP_FAN_OUT, Step.PULL_ON_READ).hiddenPostTicks(),
                "hidden-pull-first", replay(Step.PULL_ON_READ, Step.STOP_FAN_OUT).hiddenPostTicks());
    }
}
