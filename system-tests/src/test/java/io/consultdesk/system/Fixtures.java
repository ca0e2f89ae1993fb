package io.consultdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared set-up: a consultation with the seed's clause catalogue. */
public final class Fixtures {

    static final String DRAFTING_UNIT = "市工业和信息化局";

    private Fixtures() {
    }

    static Path seed(String file) {
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        return root.resolve("seed").resolve(file);
    }

    /** The corpus of tables written for the tests, kept beside command-service's reader tests. */
    static byte[] corpusFile(String file) {
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        try {
            return Files.readAllBytes(root.resolve("command-service/src/test/resources/tables").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String seedText(String file) {
        try {
            return Files.readString(seed(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a fresh consultation carrying the seed's catalogue, as a supervisor does, and returns its id. */
    public static String openConsultation(Api api) {
        String id = "c-" + UUID.randomUUID();
        Api.Reply opened = api.command("supervisor", "POST", "/api/consultations", """
                {"id":"%s","title":"深圳市打造人工智能先锋城市的若干措施（征求意见稿）","draftingUnit":"%s","deadline":"2024-09-16"}"""
                .formatted(id, DRAFTING_UNIT));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Api.Reply catalogue = api.commandWithType("supervisor", "PUT", "/api/consultations/" + id + "/clauses",
                seedText("clauses.tsv"), "text/tab-separated-values");
        assertThat(catalogue.status()).as(catalogue.toString()).isEqualTo(200);
        return id;
    }
}
