package io.consultdesk.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT resource server as real deployments run it (profile {@code prod}, an issuer URI): a stand-in identity
 * provider on localhost publishes its OpenID configuration and key set, tokens are minted and signed here. A
 * token of that issuer, signed by its key and not expired, makes its subject the caller with the roles of its
 * {@code roles} claim and the bureau of its {@code bureau} claim; any other token is a 401 problem+json.
 */
@SpringBootTest(classes = JwtResourceServerTest.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class JwtResourceServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RSAKey KEY = rsaKey("consultdesk-test-1");
    /** Another key published under the same key id: what a forged token would be signed with. */
    private static final RSAKey FORGER = rsaKey("consultdesk-test-1");
    private static final AtomicInteger PROVIDER_REQUESTS = new AtomicInteger();
    private static final HttpServer PROVIDER = identityProvider();
    private static final String ISSUER = "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realms/consultdesk";

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    static {
        // as a deployment gives it: known before the start, when the prod profile checks its settings
        // (a @DynamicPropertySource arrives only after that check)
        System.setProperty(ConsultDeskSecurity.ISSUER, ISSUER);
    }

    @AfterAll
    static void stopProvider() {
        System.clearProperty(ConsultDeskSecurity.ISSUER);
        PROVIDER.stop(0);
    }

    /** A service of one endpoint behind the shared authentication: who the caller is. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
        @Bean
        SecurityFilterChain api(HttpSecurity http, Environment environment, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
            ConsultDeskSecurity.authenticate(http, environment, entryPoint)
                    .authorizeHttpRequests(auth -> auth.requestMatchers("/error").permitAll().anyRequest().authenticated());
            return http.build();
        }

        @Bean
        WhoAmI whoAmI(CurrentCaller caller) {
            return new WhoAmI(caller);
        }
    }

    @RestController
    static class WhoAmI {
        private final CurrentCaller caller;

        WhoAmI(CurrentCaller caller) {
            this.caller = caller;
        }

        @GetMapping("/whoami")
        Map<String, Object> whoAmI() {
            Caller c = caller.get();
            return Map.of("name", c.name(), "bureau", c.bureau(), "roles", new TreeSet<>(c.roles()));
        }
    }

    @Test
    void aTokenOfTheIssuerMakesItsSubjectTheCallerWithItsRolesAndBureau() throws Exception {
        Reply reply = whoAmI(token(KEY, claims(ISSUER, Instant.now().plusSeconds(300))
                .subject("li.si").claim("roles", List.of("OFFICIAL", "AUDITOR")).claim("bureau", "市科技创新局").build()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(JSON.readTree("""
                {"name":"li.si","bureau":"市科技创新局","roles":["AUDITOR","OFFICIAL"]}"""));
        assertThat(PROVIDER_REQUESTS).as("discovery document and key set fetched from the issuer").hasValueGreaterThanOrEqualTo(2);
    }

    @Test
    void aTokenWithoutRolesOrBureauIsACallerWithNeither() throws Exception {
        Reply reply = whoAmI(token(KEY, claims(ISSUER, Instant.now().plusSeconds(300)).subject("wang.wu").build()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(JSON.readTree("""
                {"name":"wang.wu","bureau":"","roles":[]}"""));
    }

    @Test
    void anExpiredTokenIsRefused() {
        // beyond the minute of clock skew the validator allows
        assertRefused(whoAmI(token(KEY, claims(ISSUER, Instant.now().minusSeconds(120)).subject("li.si")
                .claim("roles", List.of("SUPERVISOR")).build())), "the bearer token was not accepted: Jwt expired at ");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertRefused(whoAmI(token(KEY, claims("https://login.example.org/realms/other", Instant.now().plusSeconds(300))
                .subject("li.si").claim("roles", List.of("SUPERVISOR")).build())), "the bearer token was not accepted: The iss claim is not valid");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertRefused(whoAmI(token(FORGER, claims(ISSUER, Instant.now().plusSeconds(300)).subject("li.si")
                .claim("roles", List.of("SUPERVISOR")).build())), "the bearer token was not accepted: Signed JWT rejected: Invalid signature");
    }

    @Test
    void somethingThatIsNoTokenIsRefused() {
        assertRefused(send("Bearer not.a.token"), "the bearer token was not accepted: Malformed token");
    }

    @Test
    void withoutATokenTheCallerMustSignIn() {
        Reply anonymous = send(null);
        assertRefused(anonymous, "sign in to do this: send a bearer token of the configured issuer");
        assertThat(anonymous.challenge()).isEqualTo("Bearer");
    }

    @Test
    void configuredUsersAreNotAcceptedUnderTheProductionProfile() {
        Reply basic = send("Basic " + Base64.getEncoder().encodeToString("demo:consultdesk".getBytes(StandardCharsets.UTF_8)));
        assertRefused(basic, "sign in to do this: send a bearer token of the configured issuer");
    }

    private static void assertRefused(Reply reply, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
        assertThat(reply.json().path("title").asText()).isEqualTo("Unauthorized");
        assertThat(reply.json().path("detail").asText()).startsWith(detail);
        assertThat(reply.challenge()).as("a bearer token is what the caller needs, not a password (no login dialog)")
                .startsWith("Bearer");
        if (!detail.startsWith("sign in")) {
            assertThat(reply.challenge()).isEqualTo("Bearer error=\"invalid_token\"");
        }
    }

    private record Reply(int status, String contentType, String challenge, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }
    }

    private Reply whoAmI(String token) {
        return send("Bearer " + token);
    }

    private Reply send(String authorization) {
        // the wording checked here is the English one; Chinese, the default, is ProblemAuthenticationEntryPointTest's
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/whoami"))
                .header("Accept-Language", "en");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String issuer, Instant expiresAt) {
        return new JWTClaimsSet.Builder().issuer(issuer).issueTime(Date.from(expiresAt.minusSeconds(600)))
                .expirationTime(Date.from(expiresAt));
    }

    private static String token(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key.toRSAPrivateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's discovery document and its public key set, as an identity provider serves them. */
    private static HttpServer identityProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/consultdesk";
            String configuration = JSON.writeValueAsString(Map.of("issuer", issuer, "jwks_uri", issuer + "/keys",
                    "subject_types_supported", List.of("public"), "id_token_signing_alg_values_supported", List.of("RS256")));
            String keys = new JWKSet(KEY.toPublicJWK()).toString();
            server.createContext("/realms/consultdesk/.well-known/openid-configuration", e -> answer(e, configuration));
            server.createContext("/realms/consultdesk/keys", e -> answer(e, keys));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        PROVIDER_REQUESTS.incrementAndGet();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
