package dev.ecopulse.contract.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A catalog entry, the line it starts on (so that problems can name it) and its YAML as written, for the rules that
 * need what the model no longer shows (a share that is not a number, a framework listed twice).
 */
record Located<T>(int line, T value, JsonNode source) {
}
