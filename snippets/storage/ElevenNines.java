package storage;

import java.util.LinkedHashMap;
import java.util.Map;

/** What "eleven nines" of annual durability means in objects lost, for buckets of different sizes. */
public class ElevenNines {

    static final int NINES = 11;

    // tag::losses[]
    /** 11 nines is 99.999999999 %: a loss chance of 10^-11 per object per year. */
    static double lossPerObjectYear(int nines) {
        return Math.pow(10, -nines);
    }

    /** Independent rare losses follow a Poisson law with this mean. */
    static double expectedLosses(double objects, double years) {
        return objects * years * lossPerObjectYear(NINES);
    }

    static double chanceOfAtLeastOne(double mean) {
        return -Math.expm1(-mean); // 1 - e^-mean, accurate for tiny means
    }

    public static void main(String[] args) {
        System.out.printf("AWS's wording, 10^7 objects for 10^4 years:  %.1f expected loss%n",
                expectedLosses(1e7, 1e4));
        System.out.printf("Swapped wording, 10^4 objects for 10^7 years: %.1f expected loss%n",
                expectedLosses(1e4, 1e7));
        System.out.printf("%n%22s %13s %16s %12s%n", "objects", "lost a year", "one loss every",
                "P(any loss)");
        for (double objects : new double[] {1e4, 1e7, 1e9, 1e11, 1e13}) {
            double perYear = expectedLosses(objects, 1);
            System.out.printf("%,22.0f %13.7f %16s %11.5f%%%n", objects, perYear,
                    interval(1 / perYear), 100 * chanceOfAtLeastOne(perYear));
        }
    }

    static String interval(double years) {
        if (years < 0.999) {
            return String.format("%.1f days", years * 365);
        }
        long whole = Math.round(years);
        return whole == 1 ? "1 year" : String.format("%,d years", whole);
    }
    // end::losses[]

    public static Map<String, Object> facts() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("aws-expected-loss", expectedLosses(1e7, 1e4));
        f.put("common-expected-loss", expectedLosses(1e4, 1e7));
        f.put("years-per-loss-10m", 1 / expectedLosses(1e7, 1));
        f.put("losses-per-year-100b", expectedLosses(1e11, 1));
        f.put("losses-per-year-10t", expectedLosses(1e13, 1));
        return f;
    }
}
