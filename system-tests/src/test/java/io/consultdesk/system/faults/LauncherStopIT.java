package io.consultdesk.system.faults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the launcher behind {@code ./run.sh}: a SIGTERM to it alone, or to its whole process group (what
 * Ctrl-C or a service manager sends), stops the services, the broker and the store within seconds and frees
 * every port; a launcher killed outright leaves no service behind. One launcher start per way of stopping.
 */
class LauncherStopIT {

    /** Within this the launcher and both services are gone, every time. */
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(15);

    private LauncherProcess launcher;

    @BeforeAll
    static void ownProcessGroup() {
        Assumptions.assumeTrue(LauncherProcess.canStartOwnProcessGroup(), "SKIPPED: no setsid to give the launcher a process group of its own");
    }

    @AfterEach
    void nothingLeft() {
        launcher.killAndDeleteData();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void sigtermToTheLauncherAloneStopsEverything() {
        launcher = new LauncherProcess("stop-sigterm").start();
        List<ProcessHandle> stack = launcherAndServices();
        long t0 = System.nanoTime();
        launcher.signal("TERM");
        assertGoneAndPortsFree(stack, t0);
        assertThat(launcher.logText()).as("the stop ran to its end, in order").contains("ConsultDesk: stopped in");
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void sigtermToTheProcessGroupStopsEverything() {
        launcher = new LauncherProcess("stop-sigterm-group").start();
        assertThat(launcher.processGroup()).as("the launcher leads its own process group").isEqualTo(launcher.handle().pid());
        List<ProcessHandle> stack = launcherAndServices();
        long t0 = System.nanoTime();
        launcher.signalGroup("TERM");
        assertGoneAndPortsFree(stack, t0);
        assertThat(launcher.logText()).as("the stop ran to its end, in order").contains("ConsultDesk: stopped in");
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void servicesEndOnTheirOwnWhenTheLauncherIsKilled() {
        launcher = new LauncherProcess("stop-sigkill").start();
        List<ProcessHandle> stack = launcherAndServices();
        long t0 = System.nanoTime();
        launcher.signal("KILL");
        assertGoneAndPortsFree(stack, t0);
    }

    private List<ProcessHandle> launcherAndServices() {
        List<ProcessHandle> stack = new ArrayList<>(launcher.descendants());
        assertThat(stack).as("the launcher's children: command-service and query-service").hasSize(2);
        stack.add(0, launcher.handle());
        return stack;
    }

    private void assertGoneAndPortsFree(List<ProcessHandle> stack, long t0) {
        boolean gone = LauncherProcess.awaitGone(stack, STOPPED_WITHIN);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(gone).as("launcher and services gone within %d s; still alive: %s; launcher output:%n%s",
                STOPPED_WITHIN.toSeconds(), LauncherProcess.alive(stack), launcher.logText()).isTrue();
        System.out.printf("%s: launcher and both services gone %.1f s after the signal%n", launcher.dataDir.getFileName(), seconds);
        assertThat(launcher.portsInUse()).as("ports still taken once every process is gone").isEmpty();
    }
}
