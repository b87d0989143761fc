package design.verified.sitetests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Module 3 recomputed from what the page shows: the cost table from the price model it states, the
 * HPA table from Kubernetes' formula, the token's signature with the JDK's HMAC, the draining and
 * session numbers from their probability models, and the affinity chart's imbalance from its data.
 */
class Module03ScalabilityTest {

    private static final PublishedPage PAGE = new PublishedPage("modules/03-scalability.html", "scalability");

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", "").replace("$", ""));
    }

    @Test
    void costTableFollowsFromThePriceModel() {
        double price = PAGE.fact("price-per-vcpu-hour");
        double qpsPerVcpu = PAGE.fact("qps-per-vcpu");
        double nodeVcpu = PAGE.fact("node-vcpu");
        double largest = PAGE.fact("largest-box-vcpu");
        assertEquals(0.6 / 0.0005, qpsPerVcpu, 1e-9, PAGE + ": 0.5 ms of CPU per request at 60 % utilisation");
        PublishedPage.Table t = PAGE.table("scalability.cost-at-loads");
        for (List<String> row : t.rows()) {
            double peak = number(t.cell(row, "Peak QPS"));
            String where = PAGE + " table cost-at-loads, peak " + t.cell(row, "Peak QPS");
            double needed = peak / qpsPerVcpu;
            Quantities.assertCorrectlyRounded(t.cell(row, "vCPUs needed"), needed, where + ", vCPUs needed");
            String box = t.cell(row, "Scale up: box (vCPU)");
            if (needed > largest) {
                assertEquals("none fits", box, where + ": no box is larger than " + largest + " vCPUs");
                assertEquals("none fits", t.cell(row, "Scale up $/hour (×2 for standby)"), where);
            } else {
                double vcpus = number(box);
                assertTrue(vcpus >= needed && vcpus <= largest, where + ": box of " + vcpus + " vCPUs");
                Quantities.assertCorrectlyRounded(t.cell(row, "Scale up $/hour (×2 for standby)"), 2 * vcpus * price, where + ", scale-up cost");
            }
            double nodes = Math.ceil(needed / nodeVcpu) + 1;
            assertEquals(nodes, number(t.cell(row, "Scale out: 8-vCPU nodes (N+1)")), where + ", nodes");
            Quantities.assertCorrectlyRounded(t.cell(row, "Scale out $/hour"), nodes * nodeVcpu * price, where + ", scale-out cost");
        }
    }

    @Test
    void quotedCostsAndCeilingsFollowFromTheModel() {
        double price = PAGE.fact("price-per-vcpu-hour");
        double qpsPerVcpu = PAGE.fact("qps-per-vcpu");
        double nodeVcpu = PAGE.fact("node-vcpu");
        double largest = PAGE.fact("largest-box-vcpu");
        double sample = PAGE.fact("sample-qps");
        double needed = sample / qpsPerVcpu;
        assertEquals(needed, PAGE.fact("sample-vcpu-needed"), 1e-9, PAGE + ": vCPUs at the sample load");
        double nodes = Math.ceil(needed / nodeVcpu) + 1;
        assertEquals(nodes, PAGE.fact("sample-out-nodes"), PAGE + ": nodes at the sample load");
        double box = PAGE.fact("sample-up-box-vcpu");
        assertTrue(box >= needed, PAGE + ": the scale-up box is too small");
        assertEquals(nodes * nodeVcpu * price * 730, PAGE.fact("sample-out-per-month"), 1e-6, PAGE + ": scale-out per month");
        assertEquals(2 * box * price * 730, PAGE.fact("sample-up-per-month"), 1e-6, PAGE + ": scale-up per month");
        assertEquals(2 * box / (nodes * nodeVcpu), PAGE.fact("sample-up-over-out"), 1e-9, PAGE + ": scale-up over scale-out");
        assertEquals(largest * qpsPerVcpu, PAGE.fact("ceiling-qps"), 1e-6, PAGE + ": vertical ceiling");
        double serial = PAGE.fact("serial-fraction");
        double effective = largest / (1 + serial * (largest - 1));
        assertEquals(effective, PAGE.fact("largest-box-effective-vcpu"), 1e-9, PAGE + ": Amdahl's law");
        assertEquals(effective * qpsPerVcpu, PAGE.fact("ceiling-qps-serial"), 1e-6, PAGE + ": ceiling with contention");
    }

    @Test
    void hpaTableFollowsKubernetesFormula() {
        double tolerance = PAGE.fact("hpa-tolerance");
        PublishedPage.Table t = PAGE.table("scalability.hpa-cases");
        for (List<String> row : t.rows()) {
            int replicas = Integer.parseInt(t.cell(row, "Replicas"));
            double cpu = number(t.cell(row, "CPU (%)"));
            double target = number(t.cell(row, "Target (%)"));
            String where = PAGE + " table hpa-cases, " + replicas + " pods at " + cpu + "% for " + target + "%";
            double ratio = cpu / target;
            Quantities.assertCorrectlyRounded(t.cell(row, "Ratio"), ratio, where + ", ratio");
            boolean within = Math.abs(ratio - 1) <= tolerance;
            assertEquals(within ? "yes" : "no", t.cell(row, "Within 10 % tolerance"), where + ", tolerance");
            int ceil = within ? replicas : (int) Math.ceil(replicas * cpu / target);
            assertEquals(String.valueOf(ceil), t.cell(row, "Kubernetes: ceil"), where + ", Kubernetes replicas");
            Quantities.assertCorrectlyRounded(t.cell(row, "CPU after (%)"), replicas * cpu / ceil, where + ", CPU after");
            assertTrue(within || replicas * cpu / ceil <= target + 1e-9, where + ": the ceiling must reach the target");
            int rounded = (int) Math.floor(replicas * cpu / target + 0.5);
            assertEquals(String.valueOf(rounded), t.cell(row, "Rounded"), where + ", rounded replicas");
            Quantities.assertCorrectlyRounded(t.cell(row, "CPU after, rounded (%)"), replicas * cpu / rounded, where + ", CPU after rounding");
        }
        assertEquals(Math.ceil(10 * 80 / 60.0), PAGE.fact("hpa-example-ceil"), PAGE + ": the 10 pods at 80 % example");
        assertEquals(Math.floor(10 * 80 / 60.0 + 0.5), PAGE.fact("hpa-example-round"), PAGE + ": rounding to the nearest integer");
        assertEquals(Math.ceil(10 * 30 / 60.0), PAGE.fact("hpa-example-down"), PAGE + ": the 10 pods at 30 % example");
    }

    @Test
    void theTokenIsTheHmacOfItsClaims() throws Exception {
        String claims = PAGE.factText("token-claims");
        byte[] key = PAGE.factText("token-key").getBytes(StandardCharsets.UTF_8);
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signature = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(signature), PAGE.factText("token-signature-hex"), PAGE + ": HMAC-SHA256 of the claims");
        String token = body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        String output = PAGE.outputOf("scalability/SignedSessionToken");
        assertTrue(output.contains("token: " + token), PAGE + ": the token printed is not " + token);
    }

    @Test
    void sessionNumbersFollowFromTheirSetup() {
        double pods = PAGE.fact("inproc-pods");
        double users = PAGE.fact("inproc-users");
        double requests = PAGE.fact("inproc-requests");
        // the first request of each user logs in; each later one finds its pod with probability 1/pods
        double exposed = requests - users;
        double p = (1 - 1 / pods) * exposed / requests;
        double share = PAGE.fact("inproc-spread-rejected-share");
        assertEquals(PAGE.fact("inproc-spread-rejected") / requests, share, 1e-12, PAGE + ": bounced requests as a share");
        assertEquals(0, PAGE.fact("inproc-sticky-rejected"), PAGE + ": sticky routing without restarts bounces nobody");
        assertTrue(Math.abs(share - p) <= 5 * Math.sqrt(p * (1 - p) / requests),
                PAGE + ": " + share + " of requests bounced, expected about " + p);
        assertEquals(users / pods, PAGE.fact("inproc-restart-rejected"), PAGE + ": a restart logs out one pod's users");
        assertEquals(0, PAGE.fact("store-rejected"), PAGE + ": a shared store never loses a session");
        assertEquals(1, PAGE.fact("store-commands-per-request"), 1e-12, PAGE + ": GETEX is one round trip");
    }

    @Test
    void drainingCutsFollowTheExponentialLifetime() {
        double n = PAGE.fact("drain-websockets");
        double meanSeconds = PAGE.fact("drain-ws-mean-minutes") * 60;
        for (String deadline : List.of("30", "300")) {
            double seconds = deadline.equals("30") ? PAGE.fact("drain-k8s-grace-s") : PAGE.fact("drain-alb-delay-s");
            double p = Math.exp(-seconds / meanSeconds);
            double cut = PAGE.fact("drain-ws-cut-at-" + deadline);
            assertTrue(Math.abs(cut - n * p) <= 5 * Math.sqrt(n * p * (1 - p)),
                    PAGE + ": " + cut + " WebSockets cut at " + seconds + " s, expected about " + n * p);
        }
        assertEquals(0, PAGE.fact("drain-http-cut-at-30"), PAGE + ": 0.2 s requests outlived a 30 s grace period");
        assertTrue(PAGE.fact("drain-hint-window-s") < PAGE.fact("drain-alb-delay-s"), PAGE + ": the hint window outlasts the deadline");
        assertEquals(0, PAGE.fact("drain-hint-cut-at-300"), PAGE + ": with a reconnect hint nobody should be cut");
        assertEquals(n / PAGE.fact("drain-hint-window-s"), PAGE.fact("drain-hint-reconnects-per-s"), 1e-9, PAGE + ": reconnect rate");
    }

    @Test
    void affinityImbalanceMatchesTheChartData() {
        JsonNode option = PAGE.chart("affinity-load");
        double expectedTotal = PAGE.fact("affinity-clients") - 1 + PAGE.fact("affinity-whale-rps"); // one client is the whale
        for (JsonNode series : option.get("series")) {
            String name = series.get("name").asText();
            if (!name.endsWith("affinity")) {
                continue;
            }
            double sum = 0, max = 0;
            for (JsonNode v : series.get("data")) {
                sum += v.asDouble();
                max = Math.max(max, v.asDouble());
            }
            String where = PAGE + " chart affinity-load, " + name;
            assertEquals(expectedTotal, sum, 1e-6, where + ": every request lands on some server");
            double mean = sum / series.get("data").size();
            String fact = name.startsWith("IP") ? "affinity-ip-max-over-mean" : "affinity-cookie-max-over-mean";
            assertEquals(max / mean, PAGE.fact(fact), 1e-9, where + ": busiest over mean");
        }
    }

    @Test
    void dampingReducesThrashingAsThePageSays() {
        PublishedPage.Table t = PAGE.table("scalability.thrash");
        List<String> naive = t.rows().get(0), k8s = t.rows().get(t.rows().size() - 1);
        for (List<String> row : t.rows()) {
            int actions = Integer.parseInt(t.cell(row, "Scaling actions"));
            int reversals = Integer.parseInt(t.cell(row, "Direction reversals"));
            assertTrue(reversals <= Math.max(0, actions - 1), PAGE + " table thrash, " + row.get(0) + ": reversals");
        }
        assertEquals(t.cell(naive, "Scaling actions"), PAGE.factElement("thrash-naive-events").text(), PAGE + ": prose vs table");
        assertEquals(t.cell(naive, "Direction reversals"), PAGE.factElement("thrash-naive-reversals").text(), PAGE + ": prose vs table");
        assertEquals(t.cell(k8s, "Scaling actions"), PAGE.factElement("thrash-k8s-events").text(), PAGE + ": prose vs table");
        assertEquals(t.cell(k8s, "Direction reversals"), PAGE.factElement("thrash-k8s-reversals").text(), PAGE + ": prose vs table");
        assertTrue(PAGE.fact("thrash-k8s-reversals") < PAGE.fact("thrash-naive-reversals"), PAGE + ": damping did not reduce reversals");
        double perPod = PAGE.fact("thrash-pod-capacity-rps") * PAGE.fact("thrash-target");
        assertEquals(Math.ceil(PAGE.fact("thrash-peak-rps") / perPod), PAGE.fact("thrash-needed-at-plateau"),
                PAGE + ": pods needed at the plateau");
    }
}
