package io.consultdesk.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.concurrent.CompletableFuture;

/** The write side: validates commands against aggregates, records events, relays them to Kafka. */
@SpringBootApplication
public class CommandServiceApplication {

    public static void main(String[] args) {
        // offline by design: no usage reporting to the framework vendor
        System.setProperty("axoniq.update-checker.disabled", "true");
        exitWithLauncher();
        SpringApplication.run(CommandServiceApplication.class, args);
    }

    /**
     * Started by the local stack (which passes its pid): end when it ends. A launcher killed outright cannot
     * stop its children, and a service left running would serve against servers that are gone. It halts
     * rather than stopping gracefully: a graceful stop would wait on those servers, and nothing acknowledged
     * depends on it.
     */
    private static void exitWithLauncher() {
        String launcher = System.getProperty("consultdesk.parent-pid");
        if (launcher != null) {
            ProcessHandle.of(Long.parseLong(launcher)).map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> {
                        System.err.println("launcher (pid " + launcher + ") has ended: stopping");
                        Runtime.getRuntime().halt(1);
                    });
        }
    }
}
