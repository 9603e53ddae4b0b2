package dev.ecopulse.ops.promql;

import java.util.List;
import java.util.Optional;

/** One vector selector of a PromQL expression: a metric name and its label matchers. */
public record Selector(String metric, List<Matcher> matchers) {

    /** {@code label op "value"}; op is one of {@code = != =~ !~}. */
    public record Matcher(String label, String op, String value) {

        /** An equality matcher whose value is a literal, not a Grafana variable. */
        public boolean isLiteralEquality() {
            return op.equals("=") && !value.contains("$");
        }
    }

    /** The literal value this selector requires for {@code label}, if it requires one. */
    public Optional<String> literal(String label) {
        return matchers.stream().filter(m -> m.label().equals(label) && m.isLiteralEquality())
                .map(Matcher::value).findFirst();
    }
}
