package io.consultdesk.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.concurrent.CompletableFuture;

/** The read side: consumes the event topics into MongoDB projections and answers queries from them. */
@SpringBootApplication
@EnableScheduling
public class QueryServiceApplication {

    public static void main(String[] args) {
        exitWithLauncher();
        SpringApplication.run(QueryServiceApplication.class, args);
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
