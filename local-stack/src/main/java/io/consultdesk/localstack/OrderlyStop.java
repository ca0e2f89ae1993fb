package io.consultdesk.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops what the launcher started, last started first (services, then the broker and the store), from the
 * JVM's shutdown hook — on SIGTERM or SIGINT, to the launcher alone or to its whole process group.
 *
 * <p>A stop may arrive while the launcher is still starting. The hook then interrupts the start, waits for it
 * to give up, and closes whatever was registered; anything registered after that is closed at once. Each
 * step is bounded (a service is killed after its grace period, a stalled broker stop is abandoned), and a
 * watchdog halts the JVM should the whole stop still overrun: a launcher that will not die leaves the
 * ports taken and its children running.
 */
final class OrderlyStop {

    static final int HALT_AFTER_SECONDS = 45;
    private static final int START_GIVE_UP_SECONDS = 15;

    private final Thread starter;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final CountDownLatch startOver = new CountDownLatch(1);
    private boolean stopping;

    OrderlyStop(Thread starter) {
        this.starter = starter;
    }

    /** Thrown into the start when a stop has begun. */
    static final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping", null, false, false);
        }
    }

    /** Records something started (or about to start) for the stop; closes it at once when the stop has begun. */
    synchronized <T extends AutoCloseable> T register(T component) {
        if (stopping) {
            closeQuietly(component);
            throw new Stopping();
        }
        started.add(component);
        return component;
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /** The start is over (up, failed or abandoned): the stop need not wait for it. */
    void startOver() {
        startOver.countDown();
    }

    /** The shutdown hook's work. */
    void stopAll() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_SECONDS * 1000L);
                System.err.println("ConsultDesk: stop still running after " + HALT_AFTER_SECONDS + " s: halting");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException done) {
                // stopped in time
            }
        }, "local-stack-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        List<AutoCloseable> toClose;
        synchronized (this) {
            stopping = true;
        }
        try {
            if (startOver.getCount() > 0) {
                starter.interrupt();
                startOver.await(START_GIVE_UP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            toClose = new ArrayList<>(started);
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            closeQuietly(toClose.get(i));
        }
        watchdog.interrupt();
    }

    private static void closeQuietly(AutoCloseable component) {
        try {
            component.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }
}
