package io.consultdesk.command.eventstore;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every command this service sends to MongoDB ({@code consultdesk.mongo.commands}), by command name
 * and by what sent it — {@code path=request} (a command of a user, on a web request's thread),
 * {@code relay} (the relay reading the log and storing its token), {@code other}: round trips per
 * comment or per relayed event are read from it, rather than guessed.
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

    /** The listener runs on the thread that sends the command: Tomcat's request threads, the relay's processor and reader. */
    static String pathOf(String threadName) {
        if (threadName.contains("kafka-relay") || threadName.contains("EventStore")) {
            return "relay";
        }
        return threadName.startsWith("http-nio") ? "request" : "other";
    }
}
