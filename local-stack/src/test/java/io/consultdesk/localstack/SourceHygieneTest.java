package io.consultdesk.localstack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class is named inline by its package ({@code java.util.List.of(..)}, {@code new org.bson.Document(..)}): the
 * import names it once, at the top of the file. Read from the sources of every module of the repository (main and
 * test; this module is built first, so the check fails early), their comments and string literals left out; a
 * qualified name stays only where two classes of one simple name meet in one file ({@link #CLASHES}).
 */
class SourceHygieneTest {

    /** By file (from the repository's root): the qualified names it may write, each clashing with an import. */
    private static final Map<String, Set<String>> CLASHES = Map.of(
            // the page's HTML (jsoup) beside the stored table rows (BSON)
            "query-service/src/test/java/io/consultdesk/query/pages/ComparisonPageTest.java", Set.of("org.jsoup.nodes.Document"));
    private static final List<String> MODULES = List.of("local-stack", "security", "command-service", "query-service",
            "system-tests", "benchmarks");

    /** A package path from a top-level package root down to a class name (upper case). */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.$])(?:java|javax|jakarta|jdk|sun|org|com|io|net|de|ch)(?:\\.[a-z_][\\w]*)+\\.[A-Z][\\w]*");

    @Test
    void noClassIsNamedInlineByItsPackage() throws IOException {
        Path repository = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        int read = 0;
        for (String module : MODULES) {
            for (String root : List.of("src/main/java", "src/test/java")) {
                Path dir = repository.resolve(module).resolve(root);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        String name = repository.relativize(file).toString().replace('\\', '/');
                        inlineNames(Files.readString(file), CLASHES.getOrDefault(name, Set.of())).forEach(hit -> found.add(name + ":" + hit));
                        read++;
                    }
                }
            }
        }
        assertThat(read).as("the repository's sources were found").isGreaterThan(300);
        assertThat(found).as("classes named inline by their package: write an import instead").isEmpty();
    }

    @Test
    void theCheckSeesCodeOnly() {
        String source = """
                package a.b;

                import java.util.List;
                import static org.assertj.core.api.Assertions.assertThat;

                /** See {@link java.util.Map} and java.util.Set. */
                class A {
                    // java.util.Optional in a comment
                    String s = "java.util.Optional in a string";
                    String block = \"""
                            org.bson.Document in a text block
                            \""";
                    char c = 'x';
                    List<String> l = java.util.List.of(); /* java.util.Set */ Object o = new org.bson.Document();
                    com.mongodb.client.model.Filters f;
                    io.consultdesk.Thing t;
                }
                """;
        assertThat(inlineNames(source, Set.of())).containsExactly(
                "14: java.util.List", "14: org.bson.Document", "15: com.mongodb.client.model.Filters", "16: io.consultdesk.Thing");
        assertThat(inlineNames(source, Set.of("org.bson.Document", "com.mongodb.client.model.Filters")))
                .containsExactly("14: java.util.List", "16: io.consultdesk.Thing");
    }

    /** "line: name" for each qualified name the code writes outside its package and import lines, unless allowed. */
    private static List<String> inlineNames(String source, Set<String> allowed) {
        List<String> hits = new ArrayList<>();
        String[] lines = code(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("import ") || line.startsWith("package ")) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(line);
            while (m.find()) {
                if (!allowed.contains(m.group())) {
                    hits.add((i + 1) + ": " + m.group());
                }
            }
        }
        return hits;
    }

    /** The source with its comments and its string, text block and character literals blanked, line ends kept. */
    private static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end = literalOrCommentEnd(source, i);
            if (end == i) {
                out.append(source.charAt(i++));
                continue;
            }
            for (; i < end; i++) {
                out.append(source.charAt(i) == '\n' ? '\n' : ' ');
            }
        }
        return out.toString();
    }

    /** Where the comment or literal starting at {@code i} ends; {@code i} if none starts there. */
    private static int literalOrCommentEnd(String source, int i) {
        int n = source.length();
        if (source.startsWith("//", i)) {
            int end = source.indexOf('\n', i);
            return end < 0 ? n : end;
        }
        if (source.startsWith("/*", i)) {
            int end = source.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        boolean textBlock = source.startsWith("\"\"\"", i);
        char quote = source.charAt(i);
        if (!textBlock && quote != '"' && quote != '\'') {
            return i;
        }
        int j = i + (textBlock ? 3 : 1);
        while (j < n) {
            char c = source.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (textBlock ? source.startsWith("\"\"\"", j) : c == quote || c == '\n') {
                return j + (textBlock ? 3 : 1);
            } else {
                j++;
            }
        }
        return n;
    }
}
