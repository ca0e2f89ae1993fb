package io.consultdesk.system;

import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong requests get a 4xx that says what is wrong — never a 5xx, which operators read as "the system is
 * broken" and which logs an error: bad query parameters name the parameter, unknown paths are 404, an id
 * that exists already is 409.
 */
class WrongRequestsIT {

    private static Api api;

    @BeforeAll
    static void stack() {
        api = Stack.on(Infrastructure.EMBEDDED).api();
    }

    @ParameterizedTest(name = "/api/board?{0}={1}")
    @CsvSource({
            "overdue, maybe",
            "page, 99999999999",
            "size, -1x",
            "page, 1e3",
            "asOf, yesterday",
            "'consultation[$ne]', x",
    })
    void aBadBoardParameterIsA400NamingIt(String parameter, String value) {
        Api.Reply reply = api.queryService("supervisor", "GET", "/api/board?" + encode(parameter) + "=" + encode(value));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("field").asText()).as(reply.toString()).isEqualTo(parameter);
    }

    @Test
    void anUnknownPathIsA404OnTheReadSideAndRefusedByDefaultOnTheWriteSide() {
        Api.Reply query = api.queryService("supervisor", "GET", "/api/no-such-thing");
        assertThat(query.status()).as(query.toString()).isEqualTo(404);
        assertThat(query.contentType()).startsWith("application/problem+json");
        // command-service denies every request no rule allows, so it never tells which paths exist
        Api.Reply command = api.command("supervisor", "GET", "/api/no-such-thing", null);
        assertThat(command.status()).as(command.toString()).isEqualTo(403);
        assertThat(command.contentType()).startsWith("application/problem+json");
    }

    @Test
    void openingAConsultationWhoseIdExistsIsA409() {
        String id = Fixtures.openConsultation(api);
        Api.Reply again = api.command("admin", "POST", "/api/consultations", """
                {"id":"%s","title":"另一份征求意见稿","draftingUnit":"市科技创新局","deadline":"2024-10-01"}""".formatted(id));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains(id);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
