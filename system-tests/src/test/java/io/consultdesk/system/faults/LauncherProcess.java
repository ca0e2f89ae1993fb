package io.consultdesk.system.faults;

import io.consultdesk.localstack.EmbeddedInfrastructure;
import io.consultdesk.system.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The launcher behind {@code ./run.sh} ({@code local-stack-exec.jar}) as a child process of the test, in a
 * process group of its own (through {@code setsid}), on free ports and a data folder that survive its death,
 * so that it can be stopped, killed and started again on the same data. Without the seed unless asked for.
 */
public final class LauncherProcess {

    public static final Path ROOT = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    public final Path dataDir;
    final int kafkaPort = EmbeddedInfrastructure.freePort();
    final int controllerPort = EmbeddedInfrastructure.freePort();
    final int mongoPort = EmbeddedInfrastructure.freePort();
    public final int commandPort = EmbeddedInfrastructure.freePort();
    public final int queryPort = EmbeddedInfrastructure.freePort();
    private final boolean seed;
    private final Path logDir;
    private Process process;
    private Path log;
    private int starts;

    LauncherProcess(String name) {
        this(name, false);
    }

    /** With {@code seed}, the launcher loads and publishes the seed consultation unless it is there already. */
    public LauncherProcess(String name, boolean seed) {
        this.seed = seed;
        try {
            dataDir = Files.createTempDirectory("consultdesk-" + name + "-");
            logDir = Files.createDirectories(ROOT.resolve("system-tests/target/launcher-logs/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean canStartOwnProcessGroup() {
        return Files.isExecutable(SETSID);
    }

    /** Starts the launcher and waits until it reports both services healthy. */
    public LauncherProcess start() {
        List<String> command = new ArrayList<>();
        if (canStartOwnProcessGroup()) {
            command.add(SETSID.toString()); // execs java in place: same pid, which leads the new group
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", ROOT.resolve("local-stack/target/local-stack-exec.jar").toString(),
                "--root=" + ROOT, "--data-dir=" + dataDir, "--seed=" + seed,
                "--kafka-port=" + kafkaPort, "--kafka-controller-port=" + controllerPort, "--mongo-port=" + mongoPort,
                "--command-port=" + commandPort, "--query-port=" + queryPort));
        log = logDir.resolve("launcher-" + (++starts) + ".log");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (!logText().contains("ConsultDesk: running")) {
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited (" + process.exitValue() + ") while starting; its output:\n" + logText());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the launcher did not report running within 150 s; its output:\n" + logText());
            }
            sleep(200);
        }
        return this;
    }

    public Api api() {
        return new Api("http://localhost:" + commandPort, "http://localhost:" + queryPort);
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The launcher's process group id, read from {@code /proc/<pid>/stat} (the field after the state). */
    long processGroup() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(afterName[2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every process the launcher started (the services), collected now: once it is dead they have no parent to find them by. */
    public List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** SIGKILL to the launcher and to every process it started, as a crash of the machine's user session would. */
    void killWithDescendants() {
        List<ProcessHandle> all = new ArrayList<>(descendants());
        all.add(0, handle());
        all.forEach(ProcessHandle::destroyForcibly);
        if (!awaitGone(all, Duration.ofSeconds(10))) {
            throw new AssertionError("still alive 10 s after SIGKILL: " + alive(all));
        }
    }

    /** Sends {@code signal} (e.g. TERM) to the whole process group the launcher leads. */
    void signalGroup(String signal) {
        run("kill", "-" + signal, "--", "-" + processGroup());
    }

    /** Sends {@code signal} to the launcher alone. */
    public void signal(String signal) {
        run("kill", "-" + signal, String.valueOf(process.pid()));
    }

    public static boolean awaitGone(List<ProcessHandle> processes, Duration within) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> alive(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    /** The ports of this stack that something still listens on. */
    public List<Integer> portsInUse() {
        List<Integer> taken = new ArrayList<>();
        for (int port : List.of(kafkaPort, controllerPort, mongoPort, commandPort, queryPort)) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.getLocalPort();
            } catch (IOException e) {
                taken.add(port);
            }
        }
        return taken;
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** After a test: nothing of this stack may outlive it, neither processes nor data. */
    void killAndDeleteData() {
        if (process != null && process.isAlive()) {
            killWithDescendants();
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dataDir + ": " + e.getMessage());
        }
    }

    private static void run(String... command) {
        try {
            int rc = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + rc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
