package dev.ecopulse.contract.catalog;

/** A deep-learning framework ecosystem, e.g. PyTorch. */
public record Framework(String id, String name, String homepage) {
}
