package io.consultdesk.system.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.system.Api;
import io.consultdesk.system.Fixtures;
import io.consultdesk.system.faults.LauncherProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ./run.sh} and the command-line import promise, on the launcher itself ({@code local-stack-exec.jar})
 * started once with the seed enabled, a data folder of its own and free ports: the seed consultation is loaded
 * and published on the first start, its data lands under {@code --data-dir}, the import works from the command
 * line, and a second start on the same data finds the seed there and loads nothing again. Wrong options are
 * refused before anything starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Path JAR = LauncherProcess.ROOT.resolve("local-stack/target/local-stack-exec.jar");
    private static final Path SEED_TABLE = LauncherProcess.ROOT.resolve("seed/000_9004bd27553d34a2.txt");
    private static final String TABLE = "/api/consultations/ai-2024/table";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LauncherProcess launcher;
    private static Api api;
    /** The consultation the command-line import fills (opened by the test). */
    private static String imported;

    @BeforeAll
    static void firstStart() {
        long t0 = System.nanoTime();
        launcher = new LauncherProcess("local-stack-seed", true).start();
        System.out.printf("launcher with the seed up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        api = launcher.api();
    }

    @AfterAll
    static void nothingLeft() throws IOException {
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> stack = new ArrayList<>(launcher.descendants());
        stack.add(launcher.handle());
        if (launcher.handle().isAlive()) {
            launcher.signal("TERM");
        }
        if (!LauncherProcess.awaitGone(stack, Duration.ofSeconds(30))) {
            stack.forEach(ProcessHandle::destroyForcibly);
            LauncherProcess.awaitGone(stack, Duration.ofSeconds(10));
        }
        try (Stream<Path> files = Files.walk(launcher.dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void theFirstStartPublishesTheSeedConsultation() throws IOException {
        assertThat(launcher.logText()).contains("ConsultDesk: seed imported: ")
                .contains("ConsultDesk: seed consultation loaded and published in ")
                .contains("published table  http://localhost:" + launcher.queryPort + TABLE + "?format=html");

        JsonNode table = api.query(null, TABLE).json();
        assertThat(table.path("version").asInt()).isEqualTo(1);
        assertThat(table.path("rows")).hasSize(55);
        assertThat(table.path("totalsLine").asText()).isEqualTo("共55条：采纳15条，部分采纳13条，不采纳27条");
        assertThat(api.download(TABLE + "?format=txt")).as("the txt export is the seed file, byte for byte")
                .isEqualTo(Files.readAllBytes(SEED_TABLE));
        assertThat(versions()).as("one published version").containsExactly(1);
    }

    @Test
    @Order(2)
    void itsDataIsUnderTheDataDir() throws IOException {
        Path data = launcher.dataDir;
        Path store = data.resolve("mongo/consultdesk.mv");
        assertThat(store).isRegularFile();
        assertThat(Files.size(store)).as("the event store and views hold the seed").isGreaterThan(100_000);
        try (Stream<Path> kafka = Files.walk(data.resolve("kafka"))) {
            assertThat(kafka.map(p -> p.getFileName().toString()))
                    .as("the broker's log of each topic is under the data dir")
                    .contains("consultdesk.submissions.v1-0", "consultdesk.consultations.v1-0");
        }
        assertThat(data.resolve("logs/command-service.log")).isNotEmptyFile();
        assertThat(data.resolve("logs/query-service.log")).isNotEmptyFile();
    }

    @Test
    @Order(3)
    void aDryRunFromTheCommandLineReportsTheRowsAndRecordsNothing() throws IOException {
        imported = Fixtures.openConsultation(api);
        for (int run = 1; run <= 2; run++) {
            Run dry = importCommand("--consultation=" + imported, "--file=" + SEED_TABLE, "--user=demo", "--dry-run");
            assertThat(dry.exit()).as(dry.toString()).isZero();
            JsonNode report = dry.report();
            assertThat(report.path("dryRun").asBoolean()).isTrue();
            assertThat(report.path("rows").asInt()).isEqualTo(55);
            assertThat(report.path("received").asInt()).as("dry run %d: nothing recorded by the one before", run).isEqualTo(55);
            assertThat(report.path("decided").asInt()).isEqualTo(55);
            assertThat(report.path("alreadyPresent").asInt()).isZero();
            assertThat(report.path("refusedCount").asInt()).isZero();
        }
    }

    @Test
    @Order(4)
    void aRealRunImportsEveryRowOnce() throws IOException {
        Run real = importCommand("--consultation=" + imported, "--file=" + SEED_TABLE, "--user=demo");
        assertThat(real.exit()).as(real.toString()).isZero();
        assertThat(real.out()).startsWith("importing " + SEED_TABLE + " into " + imported + " …");
        assertThat(real.report().path("dryRun").asBoolean()).isFalse();
        assertThat(real.report().path("received").asInt()).isEqualTo(55);
        assertThat(real.report().path("decided").asInt()).isEqualTo(55);
        assertThat(real.err()).isEmpty();
        api.awaitQuery("supervisor", "/api/board?consultation=" + imported,
                r -> r.status() == 200 && r.json().path("total").asInt() == 55, Duration.ofSeconds(30));

        Run again = importCommand("--consultation=" + imported, "--file=" + SEED_TABLE, "--user=demo", "--dry-run");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.report().path("alreadyPresent").asInt()).isEqualTo(55);
        assertThat(again.report().path("received").asInt()).isZero();
    }

    @Test
    @Order(5)
    void aBadImportSaysWhatIsWrongAndExitsNonZero() throws IOException {
        Path notATable = Files.writeString(Files.createTempFile("consultdesk-not-a-table-", ".txt"), "这不是意见表\n");
        Path pdf = Files.write(Files.createTempFile("consultdesk-", ".pdf"), new byte[] {'%', 'P', 'D', 'F'});
        Path missing = launcher.dataDir.resolve("no-such-table.txt");
        try {
            Run unknown = importCommand("--consultation=no-such-consultation", "--file=" + SEED_TABLE, "--user=demo");
            assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(1);
            assertThat(unknown.err()).as("the service's refusal as it says it, in Chinese by default")
                    .isEqualTo("import failed: 404 没有 id 为“no-such-consultation”的征求意见稿\n");

            Run badFile = importCommand("--consultation=" + imported, "--file=" + notATable, "--user=demo");
            assertThat(badFile.exit()).as(badFile.toString()).isEqualTo(1);
            assertThat(badFile.err()).as("the field named, its message in Chinese by default").startsWith("import failed: 400 file：");

            Run badFormat = importCommand("--consultation=" + imported, "--file=" + pdf, "--user=demo");
            assertThat(badFormat.exit()).as(badFormat.toString()).isEqualTo(1);
            assertThat(badFormat.err()).as("the field named, its message in Chinese by default").startsWith("import failed: 400 file：");

            Run clerk = importCommand("--consultation=" + Fixtures.openConsultation(api), "--file=" + SEED_TABLE);
            assertThat(clerk.exit()).as("the default user, a clerk, may not import decisions: " + clerk).isEqualTo(1);
            assertThat(clerk.err()).startsWith("import failed: 403 ");

            Run noFile = importCommand("--consultation=" + imported, "--file=" + missing, "--user=demo");
            assertThat(noFile.exit()).as(noFile.toString()).isEqualTo(2);
            assertThat(noFile.err()).startsWith("no such file: " + missing + "\nusage: ");
            System.out.print("refusals as the command line prints them:\n" + unknown.err() + badFile.err() + badFormat.err() + clerk.err());
        } finally {
            Files.deleteIfExists(notATable);
            Files.deleteIfExists(pdf);
        }
    }

    @Test
    @Order(6)
    void helpAndWrongOptionsAreAnsweredBeforeAnythingStarts() {
        Run help = launcher("--help");
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("ConsultDesk local stack: Kafka, MongoDB wire server, command-service and query-service.\n"
                + "options (argument, environment variable, default):\n").contains("--data-dir=…", "--seed=…", "--mongo-fsync=…");

        Run badPort = launcher("--query-port=eighty");
        assertThat(badPort.exit()).as(badPort.toString()).isEqualTo(2);
        assertThat(badPort.err()).isEqualTo("--query-port must be a port number (1-65535), was 'eighty'\n");

        Run unknown = launcher("--seeds=false");
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("unknown option --seeds\noptions (argument, environment variable, default):\n");
        assertThat(unknown.out()).as("nothing started").doesNotContain("ConsultDesk:");
    }

    @Test
    @Order(10)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aSecondStartOnTheSameDataFindsTheSeedAndLoadsNothingAgain() throws IOException {
        List<ProcessHandle> first = new ArrayList<>(launcher.descendants());
        first.add(launcher.handle());
        launcher.signal("TERM");
        assertThat(LauncherProcess.awaitGone(first, Duration.ofSeconds(30)))
                .as("first start stopped; still alive: %s", LauncherProcess.alive(first)).isTrue();
        String firstLog = launcher.logText();

        long t0 = System.nanoTime();
        launcher.start();
        System.out.printf("second start on the same data up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        String secondLog = launcher.logText();
        assertThat(secondLog).isNotEqualTo(firstLog);
        assertThat(secondLog).contains("ConsultDesk: seed consultation ai-2024 already published")
                .doesNotContain("seed imported").doesNotContain("loaded and published");

        assertThat(versions()).as("still one published version").containsExactly(1);
        assertThat(api.query(null, TABLE).json().path("rows")).hasSize(55);
        assertThat(api.download(TABLE + "?format=txt")).isEqualTo(Files.readAllBytes(SEED_TABLE));
        assertThat(api.query("supervisor", "/api/board?consultation=ai-2024").json().path("total").asInt()).isEqualTo(55);
        if (imported != null) {
            assertThat(api.query("supervisor", "/api/board?consultation=" + imported).json().path("total").asInt())
                    .as("what the command line imported is kept too").isEqualTo(55);
        }
    }

    private static List<Integer> versions() {
        List<Integer> versions = new ArrayList<>();
        api.query(null, TABLE + "/versions").json().forEach(v -> versions.add(v.path("version").asInt()));
        return versions;
    }

    /** The outcome of one run of the launcher's jar: exit code, standard output and standard error. */
    record Run(int exit, String out, String err) {
        /** The import report: the JSON line of the output. */
        JsonNode report() {
            String line = out.lines().filter(l -> l.startsWith("{")).findFirst()
                    .orElseThrow(() -> new AssertionError("no report in " + this));
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("report not JSON: " + line, e);
            }
        }
    }

    private static Run importCommand(String... args) {
        List<String> all = new ArrayList<>(List.of("import"));
        all.addAll(List.of(args));
        all.add("--command-url=http://localhost:" + launcher.commandPort);
        return launcher(all.toArray(String[]::new));
    }

    private static Run launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("consultdesk-run-", ".out");
            Path err = Files.createTempFile("consultdesk-run-", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(LauncherProcess.ROOT.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError("still running after 60 s: " + String.join(" ", command));
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
