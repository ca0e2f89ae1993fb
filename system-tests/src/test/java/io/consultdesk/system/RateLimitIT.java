package io.consultdesk.system;

import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public may submit, but not flood: past the limit per address, 429, said in the caller's language with its
 * code, and on the public page in the page's words. Runs last: it spends the limit.
 */
@Order(Integer.MAX_VALUE)
class RateLimitIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void publicSubmissionsFromOneAddressAreLimited() throws Exception {
        Stack stack = Stack.on(Infrastructure.EMBEDDED);
        Api api = stack.api();
        String consultation = Fixtures.openConsultation(api);
        api.awaitQuery(null, "/public/consultations/" + consultation, r -> r.status() == 200, Duration.ofSeconds(20));
        int refused = 0;
        int attempts = Stack.PUBLIC_SUBMISSIONS_PER_MINUTE + 20;
        for (int i = 0; i < attempts; i++) {
            // an invalid body is enough: the limit is applied before anything is read
            Api.Reply reply = api.command(null, "POST", "/api/submissions", "{}");
            if (reply.status() == 429) {
                refused++;
                assertThat(reply.contentType()).contains("application/problem+json");
                assertThat(reply.json().path("code").asText()).isEqualTo("rate-limited");
                assertThat(reply.json().path("detail").asText()).as("no Accept-Language: Chinese").startsWith("同一地址每分钟最多可提交");
            } else {
                assertThat(reply.status()).isEqualTo(400);
            }
        }
        assertThat(refused).isGreaterThan(0);
        HttpResponse<String> english = null;
        for (int i = 0; i < 20 && (english == null || english.statusCode() != 429); i++) {
            english = http.send(HttpRequest.newBuilder(URI.create(stack.services().commandUrl() + "/api/submissions"))
                    .header("Content-Type", "application/json").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.body()).contains("comments a minute may be submitted from one address", "\"code\":\"rate-limited\"");
        assertThat(api.command("clerk", "POST", "/api/submissions", "{}").status())
                .as("signed-in staff are not limited").isEqualTo(400);

        // the public page passes the visitor's address on: this address has spent its limit there too. The bucket
        // refills continuously (one comment every 60 s / limit), so a page post that comes a moment later may find
        // one comment's room again: a burst of posts meets the limit within a few
        for (String lang : new String[] {"", "en"}) {
            HttpResponse<String> page = null;
            for (int i = 0; i < 20 && (page == null || page.statusCode() != 429); i++) {
                String form = "clause=" + enc("（十一）") + "&commentId=web-" + UUID.randomUUID() + "&opinion=" + enc("建议。") + "&name="
                        + enc("李四") + "&kind=PERSON&contact=" + (lang.isEmpty() ? "" : "&lang=en");
                page = http.send(HttpRequest.newBuilder(URI.create(stack.services().queryUrl()
                                + "/desk/public/consultations/" + consultation + "/comments"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(page.body()).isIn(303, 429);
            }
            assertThat(page.statusCode()).as(page.body()).isEqualTo(429);
            assertThat(page.body()).contains("role=\"alert\"").contains(lang.isEmpty() ? "提交过于频繁，请一分钟后再试"
                    : "Too many comments from your address; try again in a minute");
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
