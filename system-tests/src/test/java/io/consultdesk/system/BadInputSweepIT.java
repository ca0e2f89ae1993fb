package io.consultdesk.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consultdesk.system.Stack.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of both services against a table of bad inputs: wrong types, overflow, negative numbers,
 * operator-like names and values, huge values, odd Unicode (lone surrogates, NUL, RTL marks, emoji in ids),
 * malformed JSON, wrong content types, empty bodies, ids that do not exist or hold odd characters. Each
 * must be answered with the 4xx it deserves as application/problem+json naming the field or parameter at
 * fault — never a 5xx — and the sweep must leave no ERROR line in either service's log.
 *
 * <p>Pages (text/html) answer their own 400/404 as HTML naming the parameter; that is by design, a browser
 * shows them. Wrong-role and wrong-method refusals are {@link AccessIT}'s and {@link WrongRequestsIT}'s.
 */
class BadInputSweepIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String HUGE = "x".repeat(100_000);
    private static final String OVERFLOW = "99999999999999999999";
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s", Pattern.MULTILINE);
    /** Path segments that are no id of ours: percent-encoded NUL, RTL override, emoji, a lone surrogate's bytes, dots. */
    private static final List<String> ODD_IDS = List.of("%00", "%E2%80%AEdi-kcab", "%F0%9F%98%80", "%ED%A0%80",
            "..%2E", "%24ne", "a%3Bb", "%C0%AF", "x".repeat(300));

    private static Stack stack;
    private static String consultation;
    private static String item;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request; {@code query} picks the service. */
    record Call(boolean query, String user, String method, String path, String contentType, byte[] body, String accept) {
        Call with(String type, String text) {
            return new Call(query, user, method, path, type, bytes(text), accept);
        }
    }

    /** What is sent, and what must come back: one of {@code statuses}, naming {@code names} (null: nothing to name). */
    record Case(String endpoint, String input, Call call, Set<Integer> statuses, String names) {
        @Override
        public String toString() {
            return endpoint + " <- " + input;
        }
    }

    @BeforeAll
    static void stack() {
        stack = Stack.on(Infrastructure.EMBEDDED);
        Api api = stack.api();
        consultation = Fixtures.openConsultation(api);
        item = "sweep-" + UUID.randomUUID();
        Api.Reply received = api.command(null, "POST", "/api/submissions", """
                {"id":"%s","consultationId":"%s","submitter":{"name":"王五","kind":"PERSON"},"opinion":"第（十一）条建议"}"""
                .formatted(item, consultation));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        api.awaitQuery("supervisor", "/api/submissions/" + item,
                r -> r.status() == 200 && r.json().path("version").asInt() >= 1, Duration.ofSeconds(20));
    }

    @Test
    void everyEndpointAnswersEveryBadInputWithA4xxNamingWhatIsWrong() throws Exception {
        List<Case> cases = cases();
        Path commandLog = stack.services().command().logFile();
        Path queryLog = stack.services().query().logFile();
        long commandFrom = Files.size(commandLog);
        long queryFrom = Files.size(queryLog);

        List<String> failures = new ArrayList<>();
        Map<String, Integer> endpoints = new LinkedHashMap<>();
        for (Case c : cases) {
            endpoints.merge(c.endpoint(), 1, Integer::sum);
            String failure = check(c);
            if (failure != null) {
                failures.add(c + ": " + failure);
            }
        }
        Thread.sleep(500); // let the services' last lines reach their logs
        String newCommandLines = tail(commandLog, commandFrom);
        String newQueryLines = tail(queryLog, queryFrom);
        System.out.printf("bad-input sweep: %d cases over %d endpoints%n", cases.size(), endpoints.size());
        endpoints.forEach((e, n) -> System.out.printf("  %3d  %s%n", n, e));

        assertThat(failures).as("%d of %d cases answered wrongly", failures.size(), cases.size()).isEmpty();
        assertThat(errorLines(newCommandLines)).as("ERROR lines in command-service's log during the sweep").isEmpty();
        assertThat(errorLines(newQueryLines)).as("ERROR lines in query-service's log during the sweep").isEmpty();
    }

    // ---------------------------------------------------------------- the table

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String c = consultation;
        String none = "no-such-" + UUID.randomUUID();

        // POST /api/submissions (anyone): every field of the body
        String receive = "POST /api/submissions";
        jsonBodyBasics(cases, receive, command(null, "POST", "/api/submissions"), "{\"consultationId\":\"" + c
                + "\",\"submitter\":{\"name\":\"王五\",\"kind\":\"PERSON\"},\"opinion\":\"建议\"}");
        String[][] receiveFields = {
                {"id", "{\"$gt\":\"\"}"}, {"id", "\"😀\""}, {"id", "\"a\\u0000b\""}, {"id", "\"\\u202Eabc\""},
                {"id", "\"\\ud800\""}, {"id", json(HUGE)}, {"id", "\"../../etc\""},
                {"consultationId", "{\"$ne\":null}"}, {"consultationId", "[\"x\"]"}, {"consultationId", json(HUGE)},
                {"consultationId", "\"\""},
                {"submitter", "\"x\""}, {"submitter.kind", "{\"name\":\"甲\",\"kind\":\"ROBOT\"}"},
                {"submitter.name", "{\"name\":{\"$gt\":\"\"},\"kind\":\"PERSON\"}"},
                {"submitter.contact", "{\"name\":\"甲\",\"kind\":\"PERSON\",\"contact\":" + json(HUGE) + "}"},
                {"opinion", "{\"$where\":\"sleep(1000)\"}"}, {"opinion", "\"\""}, {"opinion", json("x".repeat(3_000_000))},
                {"opinion", "\"\\ud800\""}, {"opinion", "\"前\\udc00后\""},
                {"channel", "\"FAX\""}, {"channel", "{\"$ne\":1}"},
                {"receivedAt", "\"yesterday\""}, {"receivedAt", OVERFLOW},
                {"letter.part", "{\"letterId\":\"L-1\",\"part\":" + OVERFLOW + "}"},
                {"letter.part", "{\"letterId\":\"L-1\",\"part\":-1}"},
                {"letter.letterId", "{\"letterId\":\"\\u0000\",\"part\":1}"},
        };
        for (String[] f : receiveFields) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("id", json("sweep-never-" + UUID.randomUUID()));
            body.put("consultationId", json(c));
            body.put("submitter", "{\"name\":\"王五\",\"kind\":\"PERSON\"}");
            body.put("opinion", json("建议"));
            String top = f[0].contains(".") ? f[0].substring(0, f[0].indexOf('.')) : f[0];
            body.put(top, f[1]);
            cases.add(new Case(receive, f[0] + "=" + shorten(f[1]), command(null, "POST", "/api/submissions", render(body)),
                    Set.of(400), f[0]));
        }
        cases.add(new Case(receive, "an operator-like key alone", command(null, "POST", "/api/submissions",
                "{\"$where\":\"sleep(1000)\",\"consultationId\":\"" + c + "\"}"), Set.of(400), "opinion"));
        cases.add(new Case(receive, "a consultation that does not exist", command(null, "POST", "/api/submissions",
                "{\"consultationId\":\"" + none + "\",\"submitter\":{\"name\":\"甲\",\"kind\":\"PERSON\"},\"opinion\":\"建议\"}"),
                Set.of(404, 400), none));

        // POST /api/consultations (admin)
        String open = "POST /api/consultations";
        jsonBodyBasics(cases, open, command("admin", "POST", "/api/consultations"), "{\"title\":\"t\",\"draftingUnit\":\"u\"}");
        String openOk = "\"title\":\"t\",\"draftingUnit\":\"u\"";
        String[][] openFields = {
                {"id", "\"a b\""}, {"id", "{\"$ne\":\"\"}"}, {"title", json(HUGE)}, {"title", "[1]"},
                {"draftingUnit", "{\"$gt\":\"\"}"}, {"deadline", "\"2024-02-30\""}, {"deadline", "\"tomorrow\""},
                {"deadline", OVERFLOW}, {"handlingWorkingDays", "0"}, {"handlingWorkingDays", "-5"},
                {"handlingWorkingDays", OVERFLOW}, {"handlingWorkingDays", "\"abc\""},
                {"clauses", "\"x\""}, {"clauses[0].number", "[{\"number\":\"not a clause\"}]"},
                {"clauses[0].number", "[{\"number\":{\"$ne\":1}}]"}, {"outcomes[0]", "[{\"$ne\":1}]"},
                {"outcomes", "[" + "\"a\",".repeat(20) + "\"a\"]"},
        };
        for (String[] f : openFields) {
            String top = f[0].replaceAll("[.\\[].*", "");
            cases.add(new Case(open, f[0] + "=" + shorten(f[1]), command("admin", "POST", "/api/consultations",
                    "{" + openOk + ",\"" + top + "\":" + f[1] + "}"), Set.of(400), top));
        }
        cases.add(new Case(open, "an id that exists", command("admin", "POST", "/api/consultations",
                "{\"id\":\"" + c + "\"," + openOk + "}"), Set.of(409), c));

        // PUT /api/consultations/{id}/clauses (admin), JSON or TSV
        String clauses = "PUT /api/consultations/{id}/clauses";
        String clausesPath = "/api/consultations/" + c + "/clauses";
        cases.add(new Case(clauses, "malformed JSON", command("admin", "PUT", clausesPath, "[{\"number\":"), Set.of(400), null));
        cases.add(new Case(clauses, "an object for the list", command("admin", "PUT", clausesPath, "{\"number\":\"（一）\"}"), Set.of(400), null));
        cases.add(new Case(clauses, "empty body", command("admin", "PUT", clausesPath, ""), Set.of(400), null));
        cases.add(new Case(clauses, "blank number", command("admin", "PUT", clausesPath, "[{\"number\":\"\"}]"), Set.of(400), "number"));
        cases.add(new Case(clauses, "operator as number", command("admin", "PUT", clausesPath, "[{\"number\":{\"$ne\":1}}]"), Set.of(400), "number"));
        cases.add(new Case(clauses, "huge title", command("admin", "PUT", clausesPath, "[{\"number\":\"（一）\",\"title\":" + json(HUGE) + "}]"),
                Set.of(400), "title"));
        cases.add(new Case(clauses, "not a clause number", command("admin", "PUT", clausesPath, "[{\"number\":\"\\u202E1\"}]"), Set.of(400), "number"));
        cases.add(new Case(clauses, "wrong content type", new Call(false, "admin", "PUT", clausesPath, "text/plain", bytes("clause\n（一）"), null),
                Set.of(415), null));
        cases.add(new Case(clauses, "TSV without a clause column", new Call(false, "admin", "PUT", clausesPath,
                "text/tab-separated-values", bytes("title\nx\n"), null), Set.of(400), "body"));
        cases.add(new Case(clauses, "TSV with a bad clause", new Call(false, "admin", "PUT", clausesPath,
                "text/tab-separated-values", bytes("clause\nnot a clause\n"), null), Set.of(400), "line 2"));
        cases.add(new Case(clauses, "TSV with a NUL", new Call(false, "admin", "PUT", clausesPath,
                "text/tab-separated-values", bytes("clause\n（一）\u0000\n"), null), Set.of(400), "body"));
        cases.add(new Case(clauses, "TSV of 4 MB", new Call(false, "admin", "PUT", clausesPath,
                "text/tab-separated-values", bytes("clause\n" + "（一）\n".repeat(400_000)), null), Set.of(413), "body"));
        cases.add(new Case(clauses, "a consultation that does not exist", command("admin", "PUT",
                "/api/consultations/" + none + "/clauses", "[{\"number\":\"（一）\"}]"), Set.of(404), none));

        // POST /api/consultations/{id}/closure (admin, supervisor)
        for (String odd : ODD_IDS) {
            cases.add(new Case("POST /api/consultations/{id}/closure", "id " + shorten(odd),
                    command("admin", "POST", "/api/consultations/" + odd + "/closure", null), Set.of(400, 404), null));
        }
        cases.add(new Case("POST /api/consultations/{id}/closure", "an id that does not exist",
                command("admin", "POST", "/api/consultations/" + none + "/closure", null), Set.of(404), none));

        // POST /api/consultations/{id}/publication (supervisor): the body is optional
        String publication = "POST /api/consultations/{id}/publication";
        String publicationPath = "/api/consultations/" + none + "/publication";
        cases.add(new Case(publication, "malformed JSON", command("supervisor", "POST", publicationPath, "{\"leaveOut\":["), Set.of(400), null));
        cases.add(new Case(publication, "wrong content type", new Call(false, "supervisor", "POST", publicationPath,
                "application/xml", bytes("<leaveOut/>"), null), Set.of(415), null));
        cases.add(new Case(publication, "leaveOut a string", command("supervisor", "POST", publicationPath, "{\"leaveOut\":\"x\"}"), Set.of(400), "leaveOut"));
        cases.add(new Case(publication, "leaveOut an operator", command("supervisor", "POST", publicationPath,
                "{\"leaveOut\":[{\"$ne\":1}]}"), Set.of(400), "leaveOut"));
        cases.add(new Case(publication, "huge heading", command("supervisor", "POST", publicationPath,
                "{\"heading\":" + json(HUGE) + "}"), Set.of(400), "heading"));
        cases.add(new Case(publication, "a consultation that does not exist", command("supervisor", "POST", publicationPath, "{}"),
                Set.of(404), none));

        // PUT /api/consultations/{id}/outcomes (supervisor, admin): the vocabulary, each word with its class
        String outcomes = "PUT /api/consultations/{id}/outcomes";
        String outcomesPath = "/api/consultations/" + c + "/outcomes";
        String[][] outcomeBodies = {
                {"outcomes", "[]"}, {"outcomes[0].word", "[{\"word\":\"\"}]"}, {"outcomes[0].word", "[{\"word\":" + json(HUGE) + "}]"},
                {"outcomes[0].class", "[{\"word\":\"已办理\"}]"}, {"outcomes[0].class", "[{\"word\":\"是\",\"class\":\"yes\"}]"},
                {"outcomes[1].word", "[{\"word\":\"是\"},{\"word\":\"是\"}]"}, {"outcomes", "[" + "{\"word\":\"是\"},".repeat(20) + "{\"word\":\"否\"}]"},
        };
        for (String[] f : outcomeBodies) {
            cases.add(new Case(outcomes, f[0] + "=" + shorten(f[1]), command("supervisor", "PUT", outcomesPath, f[1]), Set.of(400), f[0]));
        }
        cases.add(new Case(outcomes, "malformed JSON", command("supervisor", "PUT", outcomesPath, "[{\"word\":"), Set.of(400), null));
        cases.add(new Case(outcomes, "an object for the list", command("supervisor", "PUT", outcomesPath, "{\"word\":\"是\"}"),
                Set.of(400), null));

        // POST /api/consultations/{id}/imports (clerk, supervisor): multipart field "file", ?dryRun
        String imports = "POST /api/consultations/{id}/imports";
        String importsPath = "/api/consultations/" + c + "/imports";
        cases.add(new Case(imports, "no file part", multipart("clerk", importsPath + "?dryRun=true", "other", "a.txt", bytes("x")),
                Set.of(400), "file"));
        cases.add(new Case(imports, "dryRun=maybe", multipart("clerk", importsPath + "?dryRun=maybe", "file", "a.csv", bytes("x")),
                Set.of(400), "dryRun"));
        cases.add(new Case(imports, "dryRun[$ne]=1", multipart("clerk", importsPath + "?dryRun%5B%24ne%5D=1&dryRun=true", "file",
                "a.exe", bytes("x")), Set.of(400), "dryRun[$ne]"));
        cases.add(new Case(imports, "published=maybe", multipart("clerk", importsPath + "?dryRun=true&published=maybe", "file", "a.csv",
                bytes("x")), Set.of(400), "published"));
        cases.add(new Case(imports, "fillDown=2", multipart("clerk", importsPath + "?dryRun=true&fillDown=2", "file", "a.csv",
                bytes("x")), Set.of(400), "fillDown"));
        cases.add(new Case(imports, "a malformed docx", multipart("clerk", importsPath + "?dryRun=true", "file", "a.docx",
                bytes("PK not really")), Set.of(400), "file"));
        cases.add(new Case(imports, "a file of an unknown kind", multipart("clerk", importsPath + "?dryRun=true", "file", "a.exe", bytes("MZ")),
                Set.of(400), "file"));
        cases.add(new Case(imports, "a malformed xlsx", multipart("clerk", importsPath + "?dryRun=true", "file", "a.xlsx",
                bytes("PK not a zip")), Set.of(400), "file"));
        cases.add(new Case(imports, "a 3 MB csv of garbage", multipart("clerk", importsPath + "?dryRun=true", "file", "a.csv",
                bytes("\u0000\ud83d\ude00,".repeat(500_000))), Set.of(400), "file"));
        cases.add(new Case(imports, "JSON instead of multipart", command("clerk", "POST", importsPath, "{}"), Set.of(415), null));
        cases.add(new Case(imports, "a broken multipart body", new Call(false, "clerk", "POST", importsPath,
                "multipart/form-data; boundary=zzz", bytes("--zzz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"), null),
                Set.of(400), "body"));
        cases.add(new Case(imports, "multipart without boundary", new Call(false, "clerk", "POST", importsPath,
                "multipart/form-data", bytes("abc"), null), Set.of(400), null));
        cases.add(new Case(imports, "a consultation that does not exist", multipart("supervisor",
                "/api/consultations/" + none + "/imports?dryRun=true", "file", "a.csv",
                bytes("序号,反馈单位或个人,反馈意见,采纳情况\n1,王五,建议,\n")), Set.of(404), none));

        // the commands on an item
        String[][] commands = {
                {"decision", "supervisor", "{\"outcome\":\"采纳\",\"reason\":\"因\"", "outcome"},
                {"assignment", "supervisor", "{\"leadBureau\":\"市科技创新局\",\"reason\":\"因\"", "leadBureau"},
                {"withdrawal", "clerk", "{\"reason\":\"因\"", "reason"},
                {"rejection", "clerk", "{\"reason\":\"因\"", "reason"},
                {"duplicate-of", "clerk", "{\"duplicateOf\":\"sweep-other\"", "duplicateOf"},
        };
        for (String[] cmd : commands) {
            String endpoint = "POST /api/submissions/{id}/" + cmd[0];
            String path = "/api/submissions/" + item + "/" + cmd[0];
            String user = cmd[1];
            jsonBodyBasics(cases, endpoint, command(user, "POST", path), cmd[2] + "}");
            String field = cmd[3];
            String rest = cmd[2].substring(1).replaceFirst("\"" + field + "\":\"[^\"]*\",?", "");
            String withField = "{" + rest + (rest.isEmpty() ? "" : ",") + "\"" + field + "\":";
            cases.add(new Case(endpoint, field + " an operator", command(user, "POST", path, withField + "{\"$gt\":\"\"}}"), Set.of(400), field));
            cases.add(new Case(endpoint, field + " huge", command(user, "POST", path, withField + json(HUGE) + "}"), Set.of(400), field));
            cases.add(new Case(endpoint, field + " a list", command(user, "POST", path, withField + "[\"a\"]}"), Set.of(400), field));
            cases.add(new Case(endpoint, field + " a lone surrogate", command(user, "POST", path, withField + "\"\\udbff\"}"), Set.of(400), field));
            for (String version : List.of("\"abc\"", OVERFLOW, "{\"$gt\":0}", "[1]", "-1", "true")) {
                cases.add(new Case(endpoint, "expectedVersion=" + version, command(user, "POST", path,
                        cmd[2] + ",\"expectedVersion\":" + version + "}"), Set.of(400), "expectedVersion"));
            }
            // a fraction is refused, not truncated to a version (command-service reads JSON with accept-float-as-int off)
            cases.add(new Case(endpoint, "expectedVersion=0.5", command(user, "POST", path,
                    cmd[2] + ",\"expectedVersion\":0.5}"), Set.of(400), "expectedVersion"));
            cases.add(new Case(endpoint, field + " as bytes of a lone surrogate", new Call(false, user, "POST", path, JSON_TYPE,
                    concat(bytes(withField + "\""), new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, bytes("\"}")), null),
                    Set.of(400), field));
            cases.add(new Case(endpoint, "x[$ne]=1", command(user, "POST", path + "?x%5B%24ne%5D=1", cmd[2] + "}"), Set.of(400), "x[$ne]"));
            cases.add(new Case(endpoint, "a stale expectedVersion", command(user, "POST", path,
                    cmd[2] + ",\"expectedVersion\":0}"), Set.of(409), "expectedVersion"));
            cases.add(new Case(endpoint, "an item that does not exist", command(user, "POST",
                    "/api/submissions/" + none + "/" + cmd[0], cmd[2] + "}"), Set.of(404), none));
            for (String odd : ODD_IDS) {
                cases.add(new Case(endpoint, "id " + shorten(odd), command(user, "POST",
                        "/api/submissions/" + odd + "/" + cmd[0], cmd[2] + "}"), Set.of(400, 404), null));
            }
        }
        cases.add(new Case("POST /api/submissions/{id}/assignment", "coBureaus too many", command("supervisor", "POST",
                "/api/submissions/" + item + "/assignment", "{\"leadBureau\":\"甲\",\"reason\":\"因\",\"coBureaus\":["
                        + "\"乙\",".repeat(25) + "\"乙\"]}"), Set.of(400), "coBureaus"));
        cases.add(new Case("POST /api/submissions/{id}/assignment", "coBureaus an operator", command("supervisor", "POST",
                "/api/submissions/" + item + "/assignment", "{\"leadBureau\":\"甲\",\"reason\":\"因\",\"coBureaus\":{\"$ne\":1}}"),
                Set.of(400), "coBureaus"));
        cases.add(new Case("POST /api/submissions/{id}/duplicate-of", "duplicateOf with odd characters", command("clerk", "POST",
                "/api/submissions/" + item + "/duplicate-of", "{\"duplicateOf\":\"a/../b\\u0000\"}"), Set.of(400), "duplicateOf"));

        // the auditors' endpoints
        for (String[] audit : new String[][]{{"GET", "events"}, {"GET", "submitter"}, {"DELETE", "submitter"}}) {
            String endpoint = audit[0] + " /api/submissions/{id}/" + audit[1];
            cases.add(new Case(endpoint, "an item that does not exist", command("auditor", audit[0],
                    "/api/submissions/" + none + "/" + audit[1], null), Set.of(404), none));
            for (String odd : ODD_IDS) {
                cases.add(new Case(endpoint, "id " + shorten(odd), command("auditor", audit[0],
                        "/api/submissions/" + odd + "/" + audit[1], null), Set.of(400, 404), null));
            }
        }
        cases.add(new Case("DELETE /api/submissions/{id}/submitter", "reason too long", command("auditor", "DELETE",
                "/api/submissions/" + none + "/submitter?reason=" + "x".repeat(2_500), null), Set.of(400), "reason"));
        cases.add(new Case("DELETE /api/submissions/{id}/submitter", "reason[$ne]", command("auditor", "DELETE",
                "/api/submissions/" + none + "/submitter?reason%5B%24ne%5D=1", null), Set.of(400), "reason[$ne]"));

        for (String[] audit : new String[][]{{"GET", "events"}, {"GET", "submitter"}}) {
            cases.add(new Case(audit[0] + " /api/submissions/{id}/" + audit[1], "x[$ne]=1", command("auditor", audit[0],
                    "/api/submissions/" + item + "/" + audit[1] + "?x%5B%24ne%5D=1", null), Set.of(400), "x[$ne]"));
        }

        // ---- query-service
        for (String[] read : new String[][]{{"supervisor", "/api/board"}, {"supervisor", "/api/dashboard"},
                {"supervisor", "/api/submissions/" + item}, {"auditor", "/api/submissions/" + item + "/history"},
                {null, "/api/consultations/" + c + "/table"}, {null, "/api/consultations/" + c + "/table/versions"},
                {null, "/api/consultations/" + c + "/table/comparison"}, {"auditor", "/api/admin/replay"},
                {"auditor", "/api/admin/generations"}, {"auditor", "/api/admin/generations/comparison"},
                {"auditor", "/api/admin/dead-letters"}, {"supervisor", "/dashboard"}, {"supervisor", "/board"},
                {"supervisor", "/items/" + item}}) {
            String endpoint = "GET " + read[1].replace(c, "{id}").replace(item, "{id}")
                    + (read[1].startsWith("/api") ? "" : " (page)");
            cases.add(new Case(endpoint, "x[$ne]=1", query(read[0], read[1] + "?x%5B%24ne%5D=1"), Set.of(400), "x[$ne]"));
            cases.add(new Case(endpoint, "{\"$gt\":\"\"}=1", query(read[0], read[1] + "?%7B%22%24gt%22%3A%22%22%7D=1"), Set.of(400), "$gt"));
        }
        String board = "GET /api/board";
        for (String[] p : new String[][]{{"page", "abc"}, {"page", "-1"}, {"page", OVERFLOW}, {"page", "1.5"}, {"size", "0"},
                {"size", "501"}, {"size", OVERFLOW}, {"overdue", "maybe"}, {"state", "%7B%22%24ne%22%3A1%7D"}, {"sort", "%24where"},
                {"sort", "-"}, {"q", "x".repeat(201)}, {"asOf", "%E2%80%AE2024"}, {"asOf", "%00"},
                {"consultation%5B%24ne%5D", "x"}, {"q%5B%24regex%5D", ".*"}, {"page%5B%5D", "1"}}) {
            String name = URLDecoder.decode(p[0], StandardCharsets.UTF_8);
            cases.add(new Case(board, name + "=" + shorten(p[1]), query("supervisor", "/api/board?" + p[0] + "=" + p[1]),
                    Set.of(400), name));
        }
        cases.add(new Case(board, "a query string of 100 kB", query("supervisor", "/api/board?q=" + HUGE), Set.of(400, 414), null));
        cases.add(new Case(board, "Accept: application/xml", new Call(true, "supervisor", "GET", "/api/board?page=abc", null, null,
                "application/xml"), Set.of(400, 406), null));

        String boardPage = "GET /board (page)";
        for (String[] p : new String[][]{{"page", "abc"}, {"page", "-1"}, {"size", OVERFLOW}, {"overdue", "maybe"},
                {"consultation%5B%24ne%5D", "x"}, {"sort", "%24where"}}) {
            String name = URLDecoder.decode(p[0], StandardCharsets.UTF_8);
            cases.add(new Case(boardPage, name + "=" + p[1], query("supervisor", "/board?" + p[0] + "=" + p[1]), Set.of(400), name));
        }

        String item404 = "GET /api/submissions/{id}";
        cases.add(new Case(item404, "an item that does not exist", query("supervisor", "/api/submissions/" + none), Set.of(404), none));
        String history = "GET /api/submissions/{id}/history";
        cases.add(new Case(history, "an item that does not exist", query("auditor", "/api/submissions/" + none + "/history"), Set.of(404), none));
        String itemPage = "GET /items/{id} (page)";
        cases.add(new Case(itemPage, "an item that does not exist", query("supervisor", "/items/" + none), Set.of(404), null));
        for (String odd : ODD_IDS) {
            cases.add(new Case(item404, "id " + shorten(odd), query("supervisor", "/api/submissions/" + odd), Set.of(400, 404), null));
            cases.add(new Case(history, "id " + shorten(odd), query("auditor", "/api/submissions/" + odd + "/history"), Set.of(400, 404), null));
            cases.add(new Case(itemPage, "id " + shorten(odd), query("supervisor", "/items/" + odd), Set.of(400, 404), null));
            cases.add(new Case("GET /api/consultations/{id}/table", "id " + shorten(odd),
                    query(null, "/api/consultations/" + odd + "/table"), Set.of(400, 404), null));
        }

        String table = "GET /api/consultations/{id}/table";
        String tablePath = "/api/consultations/" + c + "/table";
        cases.add(new Case(table, "a consultation without a table", query(null, "/api/consultations/" + none + "/table"), Set.of(404), none));
        for (String[] p : new String[][]{{"format", "exe"}, {"format", "%00"}, {"version", "abc"}, {"version", OVERFLOW},
                {"version", "1.5"}, {"asOf", "yesterday"}, {"asOf", "%ED%A0%80"}}) {
            cases.add(new Case(table, p[0] + "=" + p[1], query(null, tablePath + "?" + p[0] + "=" + p[1]),
                    Set.of(400), p[0]));
        }
        cases.add(new Case(table, "version=-1", query(null, tablePath + "?version=-1"), Set.of(400, 404), "version"));

        String comparison = "GET /api/consultations/{id}/table/comparison";
        String comparisonPath = "/api/consultations/" + c + "/table/comparison";
        for (String[] p : new String[][]{{"from=abc&to=1", "from"}, {"from=1", "to"}, {"from=" + OVERFLOW + "&to=1", "from"},
                {"from=1&to=%7B%22%24gt%22%3A0%7D", "to"}, {"from=1.5&to=1", "from"}}) {
            cases.add(new Case(comparison, p[0], query(null, comparisonPath + "?" + p[0]), Set.of(400), p[1]));
        }
        cases.add(new Case(comparison, "versions that do not exist", query(null, comparisonPath + "?from=1&to=2"), Set.of(404), "1"));

        String generations = "GET /api/admin/generations/comparison";
        for (String[] p : new String[][]{{"b=g1", "a"}, {"a=%24ne&b=g1", "a"}, {"a=g1&b=" + "g".repeat(300), "b"},
                {"a=g1&b=%00", "b"}, {"a=g1&b=..", "b"}, {"a=g1&b=g999999", "g999999"}}) {
            cases.add(new Case(generations, p[0], query("auditor", "/api/admin/generations/comparison?" + p[0]),
                    p[1].equals("g999999") ? Set.of(404) : Set.of(400), p[1]));
        }
        String drop = "DELETE /api/admin/generations/{generation}";
        for (String g : List.of("%24ne", "x", "g1%00", "g1234567", "..")) {
            cases.add(new Case(drop, g, new Call(true, "auditor", "DELETE", "/api/admin/generations/" + g, null, null, null),
                    Set.of(400, 404), g.equals("..") || g.contains("%00") ? null : "generation"));
        }
        cases.add(new Case(drop, "a generation that does not exist", new Call(true, "auditor", "DELETE",
                "/api/admin/generations/g999999", null, null, null), Set.of(404), "g999999"));
        return cases;
    }

    /** The same bad bodies for every JSON endpoint: malformed, empty, not an object, wrong content type, nested too deep, not UTF-8. */
    private static void jsonBodyBasics(List<Case> cases, String endpoint, Call call, String validBody) {
        cases.add(new Case(endpoint, "malformed JSON", call.with(JSON_TYPE, validBody.substring(0, validBody.length() - 3)), Set.of(400), null));
        cases.add(new Case(endpoint, "empty body", call.with(JSON_TYPE, ""), Set.of(400), null));
        cases.add(new Case(endpoint, "null", call.with(JSON_TYPE, "null"), Set.of(400), null));
        cases.add(new Case(endpoint, "a list for the object", call.with(JSON_TYPE, "[" + validBody + "]"), Set.of(400), null));
        cases.add(new Case(endpoint, "a string for the object", call.with(JSON_TYPE, "\"x\""), Set.of(400), null));
        cases.add(new Case(endpoint, "text/plain", call.with("text/plain", validBody), Set.of(415), null));
        cases.add(new Case(endpoint, "no content type", call.with(null, validBody), Set.of(415), null));
        cases.add(new Case(endpoint, "nested 5,000 deep", call.with(JSON_TYPE, "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"),
                Set.of(400), null));
        cases.add(new Case(endpoint, "bytes that are not UTF-8", new Call(call.query(), call.user(), call.method(), call.path(),
                JSON_TYPE, new byte[]{'{', '"', 'x', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'}, null), Set.of(400), null));
        cases.add(new Case(endpoint, "a raw NUL in a string", call.with(JSON_TYPE, "{\"a\":\"\u0000\"}"), Set.of(400), null));
    }

    // ---------------------------------------------------------------- checking

    private String check(Case c) {
        Reply reply;
        try {
            reply = send(c.call());
        } catch (IOException e) {
            return "no answer: " + e;
        }
        String shown = reply.status() + " " + reply.contentType() + " "
                + (reply.body().length() > 300 ? reply.body().substring(0, 300) + "…" : reply.body());
        if (!c.statuses().contains(reply.status())) {
            return "expected " + c.statuses() + ", got " + shown;
        }
        if (reply.body().contains("Exception") || reply.body().contains("at io.") || reply.body().contains("at org.")) {
            return "internals leak: " + shown;
        }
        boolean page = c.endpoint().contains("(page)");
        if (page && reply.contentType().startsWith("text/html")) {
            return c.names() == null || reply.body().contains(c.names()) ? null : "the page does not name " + c.names() + ": " + shown;
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            return "not problem+json: " + shown;
        }
        if (c.names() == null) {
            return null;
        }
        JsonNode body;
        try {
            body = JSON.readTree(reply.body());
        } catch (IOException e) {
            return "unreadable problem: " + shown;
        }
        for (JsonNode error : body.path("errors")) {
            if (error.path("field").asText().contains(c.names())) {
                return null;
            }
        }
        return body.path("detail").asText().contains(c.names()) ? null : "does not name " + c.names() + ": " + shown;
    }

    private record Reply(int status, String contentType, String body) {
    }

    private Reply send(Call call) throws IOException {
        String base = call.query() ? stack.services().queryUrl() : stack.services().commandUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(60));
        if (call.user() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((call.user() + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.accept() != null) {
            request.header("Accept", call.accept());
        }
        request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static List<String> errorLines(String log) {
        return log.lines().filter(l -> ERROR_LINE.matcher(l).find()).toList();
    }

    private static String tail(Path log, long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- building requests

    private static Call command(String user, String method, String path) {
        return new Call(false, user, method, path, null, null, null);
    }

    private static Call command(String user, String method, String path, String jsonBody) {
        return new Call(false, user, method, path, jsonBody == null ? null : JSON_TYPE, jsonBody == null ? null : bytes(jsonBody), null);
    }

    private static Call query(String user, String path) {
        return new Call(true, user, "GET", path, null, null, null);
    }

    private static Call multipart(String user, String path, String part, String fileName, byte[] content) {
        String boundary = "sweep" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Call(false, user, "POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String render(Map<String, String> fields) {
        StringBuilder s = new StringBuilder("{");
        fields.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return s.append('}').toString();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String json(String s) {
        return "\"" + s + "\"";
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
    }
}
