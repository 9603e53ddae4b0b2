package dev.ecopulse.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mongo-java-server speaking the MongoDB wire protocol, in memory or on an H2 file. On a file, each write is committed
 * to the file before it is acknowledged, so even a hard kill of the process loses nothing acknowledged (H2 alone only
 * writes in the background, about once a second). Without that ({@code durable = false}) a clean close still keeps
 * everything, and writes are faster.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoBackend backend;
    private final MongoBackend served;
    private final String host;
    private final int port;
    private MongoServer server;

    private EmbeddedStore(MongoBackend backend, String host, int port, boolean durable) {
        this.backend = backend;
        this.served = keptOpen(backend, durable && backend instanceof H2Backend h2 ? h2 : null);
        this.host = host;
        this.port = port;
    }

    /** A store on an H2 file that survives restarts, and hard kills when {@code durable}. */
    public static EmbeddedStore onFile(Path file, String host, int port, boolean durable) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return start(new H2Backend(file.toAbsolutePath().toString()), host, port, durable);
    }

    /** A store that forgets everything when closed. */
    public static EmbeddedStore inMemory(String host, int port) {
        return start(new MemoryBackend(), host, port, false);
    }

    private static EmbeddedStore start(MongoBackend backend, String host, int port, boolean durable) {
        EmbeddedStore store = new EmbeddedStore(backend, host, port, durable);
        store.resume();
        return store;
    }

    public String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    /** Stops answering, as a store that went down would, and keeps the data. */
    public synchronized void suspend() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Answers again on the same port, with the data it had. */
    public synchronized void resume() {
        if (server == null) {
            server = new MongoServer(served);
            server.bind(host, port);
        }
    }

    /**
     * The backend as the server sees it. Stopping a server closes its backend, and a closed in-memory backend has
     * forgotten its data; so the server's close is ignored and only {@link #close()} closes the real backend. With
     * {@code commitEachWrite}, a request that changed anything is committed to the file before its answer leaves.
     */
    private static MongoBackend keptOpen(MongoBackend backend, H2Backend commitEachWrite) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        Object result = method.invoke(backend, args);
                        if (commitEachWrite != null && commitEachWrite.getMvStore().hasUnsavedChanges()) {
                            commitEachWrite.commit();
                        }
                        return result == backend ? proxy : result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public synchronized void close() {
        suspend();
        backend.close();
    }
}
