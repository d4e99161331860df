package dev.txlab.scenarios.probe;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many reads the probe made, how many showed each anomaly, and one example of each. */
public record ProbeReport(long reads, Map<Anomaly, Long> counts, Map<Anomaly, String> examples) {

    public ProbeReport {
        counts = Map.copyOf(counts);
        examples = Map.copyOf(examples);
    }

    public long count(Anomaly anomaly) {
        return counts.getOrDefault(anomaly, 0L);
    }

    /** Counts by label, every anomaly listed (zeros included), for the matrix file. */
    public Map<String, Long> countsByLabel() {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        for (Anomaly anomaly : Anomaly.values()) {
            byLabel.put(anomaly.label(), count(anomaly));
        }
        return byLabel;
    }

    /** One line: the reads and, per anomaly seen, one concrete example. */
    public String examplesText() {
        StringBuilder text = new StringBuilder(reads + " reads of in-flight orders");
        for (Anomaly anomaly : Anomaly.values()) {
            String example = examples.get(anomaly);
            if (example != null) {
                text.append("; ").append(anomaly.label()).append(": ").append(example);
            }
        }
        return text.toString();
    }
}
