import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the statistics table of a Gatling report (its index.html) as Markdown rows, one per request
 * name, leaving out the warm-up requests: requests, failed, p50, p90, p99, p99.9, max (ms) and the
 * throughput of the request's own phase. Run as a single-file program: java GatlingTable.java <report-dir>
 * <phase-seconds>. Requests named "leg#round" are folded into one row per leg, each figure the median
 * over the rounds (requests and failures are summed).
 */
public class GatlingTable {

    public static void main(String[] args) throws Exception {
        String html = Files.readString(Path.of(args[0], "index.html"));
        double seconds = Double.parseDouble(args[1]);
        Pattern row = Pattern.compile("<tr id=\"req_[^\"]*\" data-parent=\"ROOT\">(.*?)</tr>", Pattern.DOTALL);
        Pattern name = Pattern.compile("class=\"ellipsed-name\">([^<]+)</span>");
        Pattern value = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
        System.out.println("| request | requests | failed | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | throughput (req/s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        java.util.Map<String, List<List<String>>> legs = new java.util.LinkedHashMap<>();
        Matcher rows = row.matcher(html);
        while (rows.find()) {
            Matcher n = name.matcher(rows.group(1));
            if (!n.find() || n.group(1).startsWith("warm-up")) {
                continue;
            }
            List<String> v = new ArrayList<>();
            Matcher values = value.matcher(rows.group(1));
            while (values.find()) {
                v.add(values.group(2).trim().replace(",", ""));
            }
            legs.computeIfAbsent(n.group(1).replaceAll("#\\d+$", ""), k -> new ArrayList<>()).add(v);
        }
        // columns: total, ok, ko, ko%, cnt/s, min, p50, p90, p99, p99.9, max, mean, std
        legs.forEach((leg, rounds) -> {
            long total = rounds.stream().mapToLong(v -> Long.parseLong(v.get(0))).sum();
            long failed = rounds.stream().mapToLong(v -> Long.parseLong(v.get(2))).sum();
            System.out.printf("| %s | %d | %d | %s | %s | %s | %s | %s | %.0f |%n", leg, total, failed,
                    median(rounds, 6), median(rounds, 7), median(rounds, 8), median(rounds, 9), median(rounds, 10),
                    total / (seconds * rounds.size()));
        });
    }

    static String median(List<List<String>> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(v -> Double.parseDouble(v.get(column))).sorted().toArray();
        double median = values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        return median == Math.rint(median) ? String.valueOf((long) median) : String.valueOf(median);
    }
}
