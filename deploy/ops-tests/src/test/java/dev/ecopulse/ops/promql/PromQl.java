package dev.ecopulse.ops.promql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the vector selectors out of a PromQL expression, as written in a Grafana panel or a rule file. It is not a full
 * parser: it tokenizes, skips function and aggregation names, label lists ({@code by (...)}, {@code on (...)}), range
 * and subquery brackets, strings and numbers, and takes every other name as a metric. What it cannot place (a
 * selector without a metric name, an unknown function, unbalanced brackets) is an error, so a query it cannot read
 * fails the check instead of passing unnoticed.
 */
public final class PromQl {

    static final Set<String> AGGREGATORS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "acos", "acosh", "asin", "asinh",
            "atan", "atanh", "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos", "cosh",
            "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deg", "delta", "deriv",
            "exp", "floor", "histogram_avg", "histogram_count", "histogram_fraction", "histogram_quantile",
            "histogram_stddev", "histogram_stdvar", "histogram_sum", "holt_winters", "double_exponential_smoothing",
            "hour", "idelta", "increase", "irate", "label_join", "label_replace", "last_over_time", "ln", "log10",
            "log2", "mad_over_time", "max_over_time", "min_over_time", "minute", "month", "pi", "predict_linear",
            "present_over_time", "quantile_over_time", "rad", "rate", "resets", "round", "scalar", "sgn", "sin",
            "sinh", "sort", "sort_by_label", "sort_by_label_desc", "sort_desc", "sqrt", "stddev_over_time",
            "stdvar_over_time", "sum_over_time", "tan", "tanh", "time", "timestamp", "vector", "year");

    /** Keywords followed by a parenthesised label list. */
    static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    static final Set<String> KEYWORDS = Set.of("bool", "and", "or", "unless", "offset", "atan2", "inf", "nan",
            "start", "end");

    private PromQl() {
    }

    /** The metric names the expression reads. */
    public static Set<String> metricNames(String expr) {
        Set<String> names = new LinkedHashSet<>();
        selectors(expr).forEach(s -> names.add(s.metric()));
        return names;
    }

    /** Every vector selector in the expression, in order; throws {@link IllegalArgumentException} naming the problem. */
    public static List<Selector> selectors(String expr) {
        List<Token> tokens = Tokenizer.tokenize(expr);
        List<Selector> selectors = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case IDENT -> i = ident(tokens, i, selectors, expr);
                case OPEN_BRACE -> throw new IllegalArgumentException(
                        "selector without a metric name at offset " + t.offset() + " in: " + expr);
                case OPEN_BRACKET -> i = skipBalanced(tokens, i, Token.Kind.OPEN_BRACKET, Token.Kind.CLOSE_BRACKET, expr);
                case CLOSE_BRACE, CLOSE_BRACKET -> throw new IllegalArgumentException(
                        "unbalanced '" + t.text() + "' at offset " + t.offset() + " in: " + expr);
                default -> i++;
            }
        }
        checkParentheses(tokens, expr);
        return selectors;
    }

    private static int ident(List<Token> tokens, int i, List<Selector> selectors, String expr) {
        String name = tokens.get(i).text();
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        boolean call = next != null && next.kind() == Token.Kind.OPEN_PAREN;
        if (LABEL_LIST_KEYWORDS.contains(name)) {
            return call ? skipBalanced(tokens, i + 1, Token.Kind.OPEN_PAREN, Token.Kind.CLOSE_PAREN, expr) : i + 1;
        }
        if (KEYWORDS.contains(name) || AGGREGATORS.contains(name)) {
            return i + 1;
        }
        if (call) {
            if (!FUNCTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown function '" + name + "' in: " + expr);
            }
            return i + 1;
        }
        if (next != null && next.kind() == Token.Kind.OPEN_BRACE) {
            List<Selector.Matcher> matchers = new ArrayList<>();
            int end = matchers(tokens, i + 1, matchers, expr);
            selectors.add(new Selector(name, List.copyOf(matchers)));
            return end;
        }
        selectors.add(new Selector(name, List.of()));
        return i + 1;
    }

    /** Reads {@code {label op "value", ...}} starting at the brace; returns the index after the closing brace. */
    private static int matchers(List<Token> tokens, int open, List<Selector.Matcher> out, String expr) {
        int i = open + 1;
        while (true) {
            Token t = at(tokens, i, expr);
            if (t.kind() == Token.Kind.CLOSE_BRACE) {
                return i + 1;
            }
            Token op = at(tokens, i + 1, expr);
            Token value = at(tokens, i + 2, expr);
            if (t.kind() != Token.Kind.IDENT || op.kind() != Token.Kind.OPERATOR
                    || !Set.of("=", "!=", "=~", "!~").contains(op.text()) || value.kind() != Token.Kind.STRING) {
                throw new IllegalArgumentException("cannot read the label matcher at offset " + t.offset() + " in: "
                        + expr);
            }
            if (t.text().equals("__name__")) {
                throw new IllegalArgumentException("select metrics by name, not by __name__, in: " + expr);
            }
            out.add(new Selector.Matcher(t.text(), op.text(), value.text()));
            i += 3;
            if (at(tokens, i, expr).kind() == Token.Kind.COMMA) {
                i++;
            }
        }
    }

    private static int skipBalanced(List<Token> tokens, int open, Token.Kind opening, Token.Kind closing, String expr) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token.Kind kind = tokens.get(i).kind();
            if (kind == opening) {
                depth++;
            } else if (kind == closing && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unclosed '" + tokens.get(open).text() + "' in: " + expr);
    }

    private static void checkParentheses(List<Token> tokens, String expr) {
        int depth = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.OPEN_PAREN) {
                depth++;
            } else if (t.kind() == Token.Kind.CLOSE_PAREN && --depth < 0) {
                throw new IllegalArgumentException("unbalanced ')' at offset " + t.offset() + " in: " + expr);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unclosed '(' in: " + expr);
        }
    }

    private static Token at(List<Token> tokens, int i, String expr) {
        if (i >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end in: " + expr);
        }
        return tokens.get(i);
    }
}
