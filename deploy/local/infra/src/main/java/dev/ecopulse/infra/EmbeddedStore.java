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
 * mongo-java-server speaking the MongoDB wire protocol, in memory or on an H2 file. A clean close keeps every
 * acknowledged write; a hard kill of the process loses about the last second of them (H2 writes in the background).
 */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoBackend backend;
    private final MongoBackend served;
    private final String host;
    private final int port;
    private MongoServer server;

    private EmbeddedStore(MongoBackend backend, String host, int port) {
        this.backend = backend;
        this.served = keptOpen(backend);
        this.host = host;
        this.port = port;
    }

    /** A store on an H2 file that survives restarts. */
    public static EmbeddedStore onFile(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return start(new H2Backend(file.toAbsolutePath().toString()), host, port);
    }

    /** A store that forgets everything when closed. */
    public static EmbeddedStore inMemory(String host, int port) {
        return start(new MemoryBackend(), host, port);
    }

    private static EmbeddedStore start(MongoBackend backend, String host, int port) {
        EmbeddedStore store = new EmbeddedStore(backend, host, port);
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
     * forgotten its data; so the server's close is ignored and only {@link #close()} closes the real backend.
     */
    private static MongoBackend keptOpen(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        Object result = method.invoke(backend, args);
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
