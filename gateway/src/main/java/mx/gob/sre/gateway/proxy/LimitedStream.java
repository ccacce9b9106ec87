package mx.gob.sre.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Passes a request body through while counting it, and fails the stream as soon as it goes past the
 * limit, so a chunked upload larger than the route allows is cut off instead of forwarded. It also tells
 * whether the body was empty once read, so a request sent again can go without it.
 */
final class LimitedStream implements ReadStream<Buffer> {

    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the route's limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> delegate;
    private final long limit;
    private long seen;
    private volatile boolean exceeded;
    private volatile boolean ended;
    private Handler<Throwable> exceptionHandler;

    LimitedStream(ReadStream<Buffer> delegate, long limit) {
        this.delegate = delegate;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    /** The body has been read to its end and had no bytes (an HTTP/2 GET, which has no length header). */
    boolean endedEmpty() {
        return ended && seen == 0;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            delegate.handler(null);
            return this;
        }
        delegate.handler(buffer -> {
            if (exceeded) {
                return;
            }
            seen += buffer.length();
            if (seen > limit) {
                exceeded = true;
                delegate.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        delegate.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!exceeded) {
            delegate.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!exceeded) {
            delegate.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            delegate.endHandler(null);
            return this;
        }
        delegate.endHandler(end -> {
            ended = true;
            endHandler.handle(end);
        });
        return this;
    }
}
