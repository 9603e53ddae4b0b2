package dev.ecopulse.testsupport;

import dev.ecopulse.infra.EmbeddedStore;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts mongo-java-server (in memory) on a free port and points the app's MongoDB client at it. Tests can take the
 * store down and bring it back on the same port with its data, as a restarted MongoDB would be.
 */
public class MongoResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedStore store;

    public static EmbeddedStore store() {
        if (store == null) {
            throw new IllegalStateException("the MongoDB test resource is not running");
        }
        return store;
    }

    @Override
    public Map<String, String> start() {
        store = EmbeddedStore.inMemory("127.0.0.1", FreePorts.next());
        return Map.of("quarkus.mongodb.connection-string", store.connectionString());
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
