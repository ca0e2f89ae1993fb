package io.consultdesk.command.campaignhandling;

import io.consultdesk.command.kernel.Actor;
import io.consultdesk.command.kernel.Refusal;
import io.consultdesk.command.web.CommandSender;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Sends one command per member, a few at a time (the event store commits concurrent units of work together), and
 * collects what each did. A member the domain refuses is reported with the refusal's reason and the others go on:
 * one withdrawn comment does not hold up a decision for a thousand.
 */
final class MemberCommands {

    /** Members in flight at once. */
    static final int PARALLEL = 8;

    private final CommandSender commands;
    private final ExecutorService pool;

    MemberCommands(CommandSender commands) {
        this.commands = commands;
        this.pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "campaign-members");
            t.setDaemon(true);
            return t;
        });
    }

    /** What each member's command answered (a {@link Refused} for a refusal), by member, in the order given. */
    Map<String, Object> send(List<String> memberIds, Function<String, Object> command, Actor actor) throws InterruptedException {
        List<Future<Object>> futures = new ArrayList<>();
        for (String member : memberIds) {
            futures.add(pool.submit(() -> {
                try {
                    Object result = commands.send(command.apply(member), actor);
                    return result == null ? "done" : result;
                } catch (RuntimeException e) {
                    return refusal(e);
                }
            }));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (int i = 0; i < memberIds.size(); i++) {
            try {
                results.put(memberIds.get(i), futures.get(i).get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    /** A member the domain refused, and its reason. */
    record Refused(String reason) {
    }

    /** A refusal of the member, or the failure itself when it is no refusal (then the whole action fails). */
    private static Refused refusal(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return new Refused(refusal.getMessage());
            }
            if (t instanceof AggregateNotFoundException) {
                return new Refused("no such item");
            }
            if (t instanceof ConcurrencyException) {
                return new Refused("changed by someone else at the same moment; send the action again for this member");
            }
        }
        throw e;
    }

    void close() {
        pool.shutdownNow();
    }
}
