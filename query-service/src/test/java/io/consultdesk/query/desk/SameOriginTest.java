package io.consultdesk.query.desk;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A page's command is forwarded only when the browser says it was posted from this site's own pages. */
class SameOriginTest {

    private static int status(String method, String uri, String origin, String fetchSite) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.addHeader("Host", "desk.example:8082");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new SameOrigin().doFilter(request, response, chain);
        return chain.getRequest() == null ? response.getStatus() : 200;
    }

    @Test
    void aFormPostedFromThePagesOwnOriginGoesOn() throws Exception {
        assertThat(status("POST", "/desk/items/x/decision", "http://desk.example:8082", "same-origin")).isEqualTo(200);
        // a client that is not a browser sends neither header: it acts for itself
        assertThat(status("POST", "/desk/items/x/decision", null, null)).isEqualTo(200);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        assertThat(status("POST", "/desk/items/x/decision", "https://elsewhere.example", null)).isEqualTo(403);
        assertThat(status("POST", "/desk/items/x/decision", "http://desk.example:8082", "cross-site")).isEqualTo(403);
        assertThat(status("POST", "/desk/public/consultations/c/comments", "null", null)).isEqualTo(403);
        assertThat(status("POST", "/desk/items/x/decision", null, "same-site")).as("another host of the same site").isEqualTo(403);
    }

    @Test
    void readsAndOtherPathsAreNotItsConcern() throws Exception {
        assertThat(status("GET", "/desk/items/x", "https://elsewhere.example", "cross-site")).isEqualTo(200);
        assertThat(status("POST", "/api/admin/replay", "https://elsewhere.example", "cross-site")).isEqualTo(200);
    }
}
