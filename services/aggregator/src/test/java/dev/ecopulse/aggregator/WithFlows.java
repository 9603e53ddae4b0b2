package dev.ecopulse.aggregator;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An app (and store) of its own for the tests that store flows: momentum compares every framework on the flows they
 * share and follows shares of catalog-wide flows, so flows of one project would change the scores other tests expect.
 */
public class WithFlows implements QuarkusTestProfile {
}
