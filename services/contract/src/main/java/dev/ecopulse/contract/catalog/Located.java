package dev.ecopulse.contract.catalog;

/** A catalog entry and the line it starts on, so that problems can name it. */
record Located<T>(int line, T value) {
}
