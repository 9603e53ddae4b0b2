package dev.ecopulse.ops.promql;

/** A PromQL token; {@code text} of a string is its unquoted value. */
record Token(Kind kind, String text, int offset) {

    enum Kind { IDENT, STRING, NUMBER, VARIABLE, OPERATOR, COMMA, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACE, CLOSE_BRACE,
        OPEN_BRACKET, CLOSE_BRACKET }
}
