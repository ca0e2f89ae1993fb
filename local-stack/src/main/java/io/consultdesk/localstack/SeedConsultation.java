package io.consultdesk.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo: the real consultation behind the seed table — its catalogue, its 55 comments imported with
 * their outcomes, and the table published — loaded through the public API, once.
 */
public final class SeedConsultation {

    public static final String ID = "ai-2024";
    static final String TITLE = "深圳市打造人工智能先锋城市的若干措施（征求意见稿）";
    static final String DRAFTING_UNIT = "市工业和信息化局";

    private final String commandUrl;
    private final String queryUrl;
    private final Path seedDir;
    private final ConsultDeskClient client = new ConsultDeskClient("supervisor", "consultdesk");

    public SeedConsultation(String commandUrl, String queryUrl, Path seedDir) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.seedDir = seedDir;
    }

    /** Loads and publishes the seed unless its table is already published; prints where to look. */
    public void loadIfAbsent() {
        if (client.get(queryUrl + "/api/consultations/" + ID + "/table").ok()) {
            System.out.println("ConsultDesk: seed consultation " + ID + " already published");
            printWhereToLook();
            return;
        }
        Path table = seedDir.resolve("000_9004bd27553d34a2.txt");
        Path clauses = seedDir.resolve("clauses.tsv");
        if (!Files.isRegularFile(table) || !Files.isRegularFile(clauses)) {
            System.out.println("ConsultDesk: seed files not found in " + seedDir.toAbsolutePath() + "; no demo loaded");
            return;
        }
        try {
            long started = System.nanoTime();
            ConsultDeskClient.Answer opened = client.send("POST", commandUrl + "/api/consultations", "application/json", """
                    {"id":"%s","title":"%s","draftingUnit":"%s","deadline":"2024-09-16"}""".formatted(ID, TITLE, DRAFTING_UNIT));
            require(opened.ok() || opened.status() == 409, "open the consultation", opened);
            require(client.send("PUT", commandUrl + "/api/consultations/" + ID + "/clauses", "text/tab-separated-values",
                    Files.readString(clauses)).ok(), "load the clause catalogue", null);
            ConsultDeskClient.Answer imported = client.upload(commandUrl + "/api/consultations/" + ID + "/imports", table);
            require(imported.ok(), "import the seed table", imported);
            System.out.println("ConsultDesk: seed imported: " + imported.body());
            ConsultDeskClient.Answer published = client.send("POST", commandUrl + "/api/consultations/" + ID + "/publication",
                    "application/json", "{}");
            require(published.ok(), "publish the table", published);
            awaitPublished(Duration.ofSeconds(60));
            System.out.printf("ConsultDesk: seed consultation loaded and published in %.1f s%n", (System.nanoTime() - started) / 1e9);
            printWhereToLook();
        } catch (IOException e) {
            System.out.println("ConsultDesk: the seed could not be read: " + e.getMessage());
        }
    }

    private void awaitPublished(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.get(queryUrl + "/api/consultations/" + ID + "/table").ok()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the published table did not reach query-service within " + timeout.toSeconds() + " s");
    }

    private void printWhereToLook() {
        String table = queryUrl + "/api/consultations/" + ID + "/table";
        System.out.println(String.join("\n",
                "  published table  " + table + "?format=html",
                "  exports          " + table + "?format=txt | csv | xlsx | docx   (JSON: " + table + ")",
                "  staff pages      " + queryUrl + "/consultations/" + ID + "   " + queryUrl + "/dashboard   " + queryUrl
                        + "/board   (sign in, e.g. supervisor / consultdesk)",
                "  an inbox         " + queryUrl + "/inbox   (sign in as official-gxj / consultdesk)",
                "  public page      " + queryUrl + "/public/consultations/" + ID + "   (anyone: comment on a clause)",
                "  one item         " + queryUrl + "/api/submissions/{id}   (sign in, e.g. supervisor / consultdesk)"));
    }

    private static void require(boolean ok, String what, ConsultDeskClient.Answer answer) {
        if (!ok) {
            throw new IllegalStateException("demo: could not " + what + (answer == null ? "" : ": " + answer.status() + " " + answer.body()));
        }
    }
}
