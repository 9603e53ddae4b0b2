package dev.ecopulse.ops.promql;

import java.util.ArrayList;
import java.util.List;

/** Splits PromQL (with Grafana's {@code $variable}, {@code ${variable}} and {@code [[variable]]}) into tokens. */
final class Tokenizer {

    private static final String OPERATORS = "=~ !~ != == >= <= = > < + - * / % ^ @ :";

    private Tokenizer() {
    }

    static List<Token> tokenize(String expr) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < expr.length() && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < expr.length() && expr.charAt(i) != c) {
                    if (expr.charAt(i) == '\\' && c != '`' && i + 1 < expr.length()) {
                        i++;
                    }
                    value.append(expr.charAt(i++));
                }
                if (i >= expr.length()) {
                    throw new IllegalArgumentException("unclosed string at offset " + start + " in: " + expr);
                }
                i++;
                tokens.add(new Token(Token.Kind.STRING, value.toString(), start));
            } else if (c == '$') {
                i = variableEnd(expr, i);
                tokens.add(new Token(Token.Kind.VARIABLE, expr.substring(start, i), start));
            } else if (c == '[' && expr.startsWith("[[", i)) {
                int end = expr.indexOf("]]", i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed [[variable]] in: " + expr);
                }
                i = end + 2;
                tokens.add(new Token(Token.Kind.VARIABLE, expr.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_'
                        || (expr.charAt(i) == ':' && isRecordingRuleColon(expr, i)))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.IDENT, expr.substring(start, i), start));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < expr.length() && Character.isDigit(expr.charAt(i + 1)))) {
                while (i < expr.length() && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, expr.substring(start, i), start));
            } else {
                Token.Kind kind = switch (c) {
                    case '(' -> Token.Kind.OPEN_PAREN;
                    case ')' -> Token.Kind.CLOSE_PAREN;
                    case '{' -> Token.Kind.OPEN_BRACE;
                    case '}' -> Token.Kind.CLOSE_BRACE;
                    case '[' -> Token.Kind.OPEN_BRACKET;
                    case ']' -> Token.Kind.CLOSE_BRACKET;
                    case ',' -> Token.Kind.COMMA;
                    default -> null;
                };
                if (kind != null) {
                    tokens.add(new Token(kind, String.valueOf(c), start));
                    i++;
                } else {
                    String op = operatorAt(expr, i);
                    tokens.add(new Token(Token.Kind.OPERATOR, op, start));
                    i += op.length();
                }
            }
        }
        return tokens;
    }

    /** A colon inside a name (recording rules: {@code job:metric:rate5m}), not the one of a subquery step. */
    private static boolean isRecordingRuleColon(String expr, int i) {
        return i + 1 < expr.length() && (Character.isLetter(expr.charAt(i + 1)) || expr.charAt(i + 1) == '_');
    }

    private static int variableEnd(String expr, int i) {
        if (expr.startsWith("${", i)) {
            int end = expr.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed ${variable} in: " + expr);
            }
            return end + 1;
        }
        int j = i + 1;
        while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '_')) {
            j++;
        }
        if (j == i + 1) {
            throw new IllegalArgumentException("'$' without a variable name at offset " + i + " in: " + expr);
        }
        return j;
    }

    private static String operatorAt(String expr, int i) {
        for (String op : OPERATORS.split(" ")) {
            if (expr.startsWith(op, i)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unexpected '" + expr.charAt(i) + "' at offset " + i + " in: " + expr);
    }
}
