import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event propagation figures for bench/run: joins the events a producer committed (event id, commit time
 * in epoch ms, one per line, tab-separated) with the consumer's receipts (event id, commit time of the
 * consuming transaction), drops the first <skip> events (the warm-up), and prints a Markdown table. A
 * third column in the produced file, the time the relay marked the event published, splits the figure
 * into the producer's part (commit and relay) and the rest (Kafka, consumer, consuming transaction).
 * Run as a single-file program: java Propagation.java <produced.tsv> <consumed.tsv> <skip>
 */
public class Propagation {

    public static void main(String[] args) throws Exception {
        List<String[]> produced = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                produced.add(line.split("\t"));
            }
        }
        Map<String, Long> consumed = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) {
                String[] fields = line.split("\t");
                consumed.put(fields[0], Long.parseLong(fields[1]));
            }
        }
        produced.sort(Comparator.comparingLong(fields -> Long.parseLong(fields[1])));
        List<String[]> measured = produced.subList(Math.min(Integer.parseInt(args[2]), produced.size()), produced.size());
        List<Long> latencies = new ArrayList<>();
        List<Long> relayed = new ArrayList<>();
        List<Long> delivered = new ArrayList<>();
        int missing = 0;
        for (String[] event : measured) {
            Long received = consumed.get(event[0]);
            if (received == null) {
                missing++;
            } else {
                long occurred = Long.parseLong(event[1]);
                latencies.add(received - occurred);
                if (event.length > 2 && !event[2].isBlank()) {
                    long published = Long.parseLong(event[2]);
                    relayed.add(published - occurred);
                    delivered.add(received - published);
                }
            }
        }
        latencies.sort(null);
        relayed.sort(null);
        delivered.sort(null);
        double span = measured.size() < 2 ? 1 : (Long.parseLong(measured.get(measured.size() - 1)[1])
                - Long.parseLong(measured.get(0)[1])) / 1000.0;
        System.out.println("| events | delivered | missing | rate (events/s) | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %.0f | %s | %s | %s | %s |%n", measured.size(), latencies.size(), missing,
                measured.size() / span, percentile(latencies, 0.50), percentile(latencies, 0.90),
                percentile(latencies, 0.99), latencies.isEmpty() ? "-" : latencies.get(latencies.size() - 1));
        if (!relayed.isEmpty()) {
            System.out.println();
            System.out.println("| part | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|");
            stage("occurred → marked published (consular commit, relay, Kafka acknowledgement)", relayed);
            stage("marked published → readable (Kafka fetch, voter consumer, its transaction)", delivered);
        }
    }

    static void stage(String name, List<Long> sorted) {
        System.out.printf("| %s | %s | %s | %s | %s |%n", name, percentile(sorted, 0.50), percentile(sorted, 0.90),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    static String percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        return String.valueOf(sorted.get((int) Math.ceil(p * sorted.size()) - 1));
    }
}
