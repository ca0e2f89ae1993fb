package io.consultdesk.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service (a Spring Boot runnable jar) started as a child JVM, configured only by addresses,
 * with its output in a log file. It is judged up when its actuator health endpoint answers 200.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> arguments;
    /** Extra JVM options for every service started from this JVM; {@code {name}} stands for the service's name. */
    public static final String JVM_OPTIONS = "consultdesk.service.jvm-options";

    /** How long a service may take over a graceful stop before it is killed. */
    private static final int GRACE_SECONDS = 10;

    private final Path logFile;
    private final String heap;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, List<String> arguments, Path logFile, String heap) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.logFile = logFile;
        this.heap = heap;
    }

    public ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": runnable jar " + jar.toAbsolutePath()
                    + " not found; build it first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        // e.g. the benchmarks: full JIT compilation and a flight recording (later options win)
        for (String option : System.getProperty(JVM_OPTIONS, "").split("\\s+")) {
            if (!option.isBlank()) {
                command.add(option.replace("{name}", name));
            }
        }
        command.add("-Dfile.encoding=UTF-8");
        // the service ends when this JVM ends, however it ends (see the services' application classes)
        command.add("-Dconsultdesk.parent-pid=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(name + " could not start: " + e.getMessage(), e);
        }
        return this;
    }

    /** Blocks until the service reports healthy, or fails with the tail of its log. */
    public void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + "; its log " + logFile.toAbsolutePath() + " ends with:\n" + tailOfLog());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout.toSeconds() + " s; log "
                + logFile.toAbsolutePath() + " ends with:\n" + tailOfLog());
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Ends the process at once, as a crash would: no graceful shutdown. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(10);
        }
    }

    /** Asks for a graceful stop (SIGTERM) without waiting, so that several services stop side by side. */
    public void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /**
     * A graceful stop (SIGTERM), forced after 10 s: nothing a service acknowledged depends on its
     * graceful stop (the event store is the outbox, offsets are committed after the writes).
     */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(GRACE_SECONDS)) {
                System.err.println(name + " did not stop within " + GRACE_SECONDS + " s: killed");
                process.destroyForcibly();
                waitFor(10);
            }
        }
    }

    /** Waits even when interrupted (a stop interrupts the start that may be the one waiting here). */
    private boolean waitFor(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
