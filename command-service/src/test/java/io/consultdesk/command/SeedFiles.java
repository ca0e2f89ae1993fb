package io.consultdesk.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seed files in the repository's {@code seed/} folder: the real table and its oracle. */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static Path path(String name) {
        Path root = Path.of(System.getProperty("consultdesk.root", "..")).toAbsolutePath().normalize();
        return root.resolve("seed").resolve(name);
    }

    public static String read(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of expected.tsv: row number, masked submitter, cited clauses, outcome. */
    public record Expected(int row, String submitter, List<String> clauses, String outcome) {
    }

    public static List<Expected> expected() {
        List<Expected> rows = new ArrayList<>();
        List<String> lines = read("expected.tsv").lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            List<String> clauses = cells[2].isBlank() ? List.of() : List.of(cells[2].split("[,，、 ]+"));
            rows.add(new Expected(Integer.parseInt(cells[0]), cells[1], clauses, cells[3]));
        }
        return rows;
    }

    /** The opinion (反馈意见) of each row of the real table, paragraphs joined by a blank line. */
    public static List<String> opinions() {
        String text = read("000_9004bd27553d34a2.txt");
        List<String> opinions = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\t(\\d+)\\n").matcher(text);
        List<int[]> starts = new ArrayList<>();
        while (row.find()) {
            starts.add(new int[] {row.start(), row.end()});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String body = text.substring(starts.get(i)[1], end);
            // fields: \tsubmitter \n \topinion (may span paragraphs) \n \toutcome
            String[] fields = body.split("\\n\\t");
            String opinion = fields[1];
            opinions.add(opinion.strip());
        }
        return opinions;
    }
}
