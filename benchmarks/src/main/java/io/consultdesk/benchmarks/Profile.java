package io.consultdesk.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time goes, read from a flight recording: the methods most often on CPU (by the first frame of
 * our own code or the library it is in, so that a hot loop inside the driver is charged to what called it),
 * and the time threads spent blocked reading sockets (waiting for MongoDB or Kafka).
 */
final class Profile {

    private static final int TOP = 8;

    private final String name;
    private final Map<String, Integer> onCpu = new HashMap<>();
    private final Map<String, Integer> onCpuTopFrame = new HashMap<>();
    private final Map<String, Duration> socketWaits = new HashMap<>();
    private int samples;

    private Profile(String name) {
        this.name = name;
    }

    /** Reads a recording; {@code peers} names the servers by port (MongoDB, Kafka) in the socket waits. */
    static Profile read(String name, Path recording, Map<Integer, String> peers) throws IOException {
        Profile profile = new Profile(name);
        if (!Files.isRegularFile(recording)) {
            return profile;
        }
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    profile.sample(event.getStackTrace());
                } else if (type.equals("jdk.SocketRead")) {
                    int port = event.getInt("port");
                    String peer = peers.getOrDefault(port, event.getString("host") + ":" + port);
                    profile.socketWaits.merge(peer, event.getDuration(), Duration::plus);
                }
            }
        }
        return profile;
    }

    private void sample(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        onCpuTopFrame.merge(method(frames.get(0)), 1, Integer::sum);
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String method = frame.getMethod().getName();
            // frames that wrap everything below them (a filter, the main method) say nothing of where time goes
            boolean wrapper = method.equals("main") || method.startsWith("doFilter");
            if (!wrapper && (type.startsWith("io.consultdesk") || type.startsWith("de.bwaldvogel") || type.startsWith("org.h2"))) {
                onCpu.merge(method(frame), 1, Integer::sum);
                return;
            }
        }
        onCpu.merge("(library/JDK only) " + method(frames.get(0)), 1, Integer::sum);
    }

    private static String method(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** A Markdown section: the top entries with their share. */
    String markdown() {
        StringBuilder md = new StringBuilder("#### " + name + " (" + samples + " CPU samples)\n\n");
        if (samples == 0) {
            return md.append("no recording\n\n").toString();
        }
        md.append("| on CPU, first frame of our code or the store | share |\n|---|---|\n");
        top(onCpu).forEach((k, v) -> md.append("| `").append(k).append("` | ").append(percent(v)).append(" |\n"));
        md.append("\n| on CPU, innermost frame | share |\n|---|---|\n");
        top(onCpuTopFrame).forEach((k, v) -> md.append("| `").append(k).append("` | ").append(percent(v)).append(" |\n"));
        if (!socketWaits.isEmpty()) {
            md.append("\n| blocked reading from (reads over 20 ms) | total |\n|---|---|\n");
            socketWaits.entrySet().stream().filter(e -> e.getValue().toMillis() >= 100).sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(TOP)
                    .forEach(e -> md.append("| ").append(e.getKey()).append(" | ")
                            .append(String.format("%.1f s", e.getValue().toMillis() / 1000.0)).append(" |\n"));
        }
        return md.append('\n').toString();
    }

    private String percent(int count) {
        return String.format("%.1f%%", 100.0 * count / samples);
    }

    private static Map<String, Integer> top(Map<String, Integer> counts) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
