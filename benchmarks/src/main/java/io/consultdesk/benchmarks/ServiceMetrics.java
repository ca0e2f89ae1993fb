package io.consultdesk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.localstack.ConsultDeskClient;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the services say of themselves through their metrics endpoint: the MongoDB commands each has sent
 * ({@code consultdesk.mongo.commands}, counted by a driver command listener, by what sent them) and the heap
 * each uses, sampled once a second while a figure is measured so the report can give each service's peak.
 */
final class ServiceMetrics implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsultDeskClient http;
    private final Map<String, String> services;
    private final Map<String, Double> peakUsed = new ConcurrentHashMap<>();
    private final Map<String, Double> peakLive = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** @param services name → base URL of each service to sample */
    ServiceMetrics(ConsultDeskClient http, Map<String, String> services) {
        this.http = http;
        this.services = services;
        this.sampler = new Thread(this::sample, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** MongoDB commands the service at {@code url} has sent so far from {@code path} (null: every path); 0 when it is away. */
    double roundTrips(String url, String path) {
        return value(url, "consultdesk.mongo.commands" + (path == null ? "" : "?tag=path:" + path));
    }

    /** Forgets the peaks: the next {@link #peakUsedMb} and {@link #peakLiveMb} cover what runs from now. */
    void resetPeaks() {
        peakUsed.clear();
        peakLive.clear();
    }

    /** The most heap the service used (live objects and garbage not yet collected) since the last reset, in MB. */
    double peakUsedMb(String service) {
        return peakUsed.getOrDefault(service, Double.NaN) / 1e6;
    }

    /**
     * The most the heap's long-lived pool held right after a collection since the last reset, in MB: live data plus
     * whatever garbage that collection left there (after a young collection, the old generation's dead objects too) —
     * an upper bound of the live set, near the cap when the heap is tight.
     */
    double peakLiveMb(String service) {
        return peakLive.getOrDefault(service, Double.NaN) / 1e6;
    }

    private void sample() {
        while (running) {
            services.forEach((name, url) -> {
                double used = value(url, "jvm.memory.used?tag=area:heap");
                // the share of the long-lived pool in use after the last collection, times that pool's size
                double afterGc = value(url, "jvm.memory.usage.after.gc?tag=area:heap");
                double max = value(url, "jvm.memory.max?tag=area:heap");
                if (used > 0) {
                    peakUsed.merge(name, used, Math::max);
                }
                if (afterGc > 0 && max > 0) {
                    peakLive.merge(name, afterGc * max, Math::max);
                }
            });
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The first measurement of a metric, or 0 when the service is away or has not registered it yet. */
    private double value(String url, String metric) {
        try {
            ConsultDeskClient.Answer answer = http.get(url + "/actuator/metrics/" + metric);
            if (!answer.ok()) {
                return 0;
            }
            JsonNode measurements = JSON.readTree(answer.body()).path("measurements");
            return measurements.isEmpty() ? 0 : measurements.get(0).path("value").asDouble();
        } catch (Exception e) {
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
