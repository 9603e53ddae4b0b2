package dev.ecopulse.collector.client.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;

/**
 * Reads a body into memory only up to a byte cap: a declared or actual length beyond it cancels the transfer. A gzip
 * body is inflated in steps under the same cap, so a small bomb never becomes a large array.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was larger than allowed; nothing of it is kept. */
    static final class TooLargeException extends IOException {
        TooLargeException(String what, long cap) {
            super(what + " larger than the " + cap + " bytes allowed (ecopulse.upstream.max-body-size)");
        }
    }

    private final long cap;
    private final boolean declaredTooLarge;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long cap, boolean declaredTooLarge) {
        this.cap = cap;
        this.declaredTooLarge = declaredTooLarge;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> new CappedBody(cap, info.headers().firstValueAsLong("Content-Length").orElse(-1) > cap);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declaredTooLarge) {
            s.cancel();
            result.completeExceptionally(new TooLargeException("a body declared", cap));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (bytes.size() + (long) item.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException("a body", cap));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Inflates a gzip body, refusing it as soon as it grows past {@code cap}. */
    static byte[] gunzip(byte[] compressed, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + (long) n > cap) {
                    throw new TooLargeException("a body that inflates to", cap);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
