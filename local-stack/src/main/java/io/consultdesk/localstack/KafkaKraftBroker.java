package io.consultdesk.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run from Kafka's
 * own server code. Its log directory survives restarts: formatting is skipped when it is already formatted.
 */
public final class KafkaKraftBroker implements AutoCloseable {

    /** The cluster id is fixed so that a data directory formatted once is accepted on every later start. */
    private static final String CLUSTER_ID = "Y29uc3VsdGRlc2stbG9jYWw";

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private KafkaRaftServer server;

    public KafkaKraftBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    public synchronized KafkaKraftBroker start() {
        if (server != null) {
            return this;
        }
        Quiet.loggers("kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper");
        try {
            Files.createDirectories(dataDir);
            Properties props = brokerProperties();
            Path configFile = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                props.store(out, "written by the ConsultDesk local stack on every start");
            }
            format(configFile);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Kafka broker could not prepare " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        // one broker: every replication factor must be 1
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        return p;
    }

    private void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {
                "format", "-t", CLUSTER_ID, "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * Stops the broker, waiting at most {@link #STOP_WAIT_SECONDS}: the broker's controlled shutdown waits on
     * its own controller and can stall for minutes; what it holds is already in its log files, so a stop that
     * stalls is abandoned and the JVM's exit ends it.
     */
    @Override
    public synchronized void close() {
        if (server != null) {
            KafkaRaftServer stopping = server;
            server = null;
            Thread stopper = new Thread(() -> {
                stopping.shutdown();
                stopping.awaitShutdown();
            }, "kafka-broker-stop");
            stopper.setDaemon(true);
            stopper.start();
            try {
                stopper.join(STOP_WAIT_SECONDS * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (stopper.isAlive()) {
                System.err.println("Kafka broker still stopping after " + STOP_WAIT_SECONDS + " s: left to the JVM's exit");
            }
        }
    }

    private static final int STOP_WAIT_SECONDS = 15;
}
