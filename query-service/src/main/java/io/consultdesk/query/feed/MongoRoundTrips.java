package io.consultdesk.query.feed;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every command this service sends to MongoDB ({@code consultdesk.mongo.commands}), by command name
 * and by what sent it — {@code path=feed} (the projections' consumer applying events), {@code replay} (a
 * rebuild), {@code request} (a page or an API query on a web request's thread), {@code other}: the round trips
 * per applied event and per board page are read from it rather than guessed.
 */
public final class MongoRoundTrips implements CommandListener {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public MongoRoundTrips(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String path = pathOf(Thread.currentThread().getName());
        counters.computeIfAbsent(path + "/" + event.getCommandName(), key -> Counter.builder("consultdesk.mongo.commands")
                .description("commands sent to MongoDB (round trips), by command and by what sent them")
                .tag("command", event.getCommandName()).tag("path", path).register(registry))
                .increment();
    }

    /** The listener runs on the sending thread: the feed's consumer ({@code projections-…}), a replay's own thread, Tomcat's. */
    static String pathOf(String threadName) {
        if (threadName.startsWith("projections")) {
            return "feed";
        }
        if (threadName.startsWith("replay-")) {
            return "replay";
        }
        return threadName.startsWith("http-nio") ? "request" : "other";
    }
}
