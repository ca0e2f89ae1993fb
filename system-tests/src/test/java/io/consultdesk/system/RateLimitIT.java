package io.consultdesk.system;

import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public may submit, but not flood: past the limit per address, 429. Runs last: it spends the limit. */
@Order(Integer.MAX_VALUE)
class RateLimitIT {

    @Test
    void publicSubmissionsFromOneAddressAreLimited() {
        Api api = Stack.on(Infrastructure.EMBEDDED).api();
        int refused = 0;
        int attempts = Stack.PUBLIC_SUBMISSIONS_PER_MINUTE + 20;
        for (int i = 0; i < attempts; i++) {
            // an invalid body is enough: the limit is applied before anything is read
            Api.Reply reply = api.command(null, "POST", "/api/submissions", "{}");
            if (reply.status() == 429) {
                refused++;
                assertThat(reply.contentType()).contains("application/problem+json");
            } else {
                assertThat(reply.status()).isEqualTo(400);
            }
        }
        assertThat(refused).isGreaterThan(0);
        assertThat(api.command("clerk", "POST", "/api/submissions", "{}").status())
                .as("signed-in staff are not limited").isEqualTo(400);
    }
}
