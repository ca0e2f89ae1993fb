package io.consultdesk.command.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Comments labelled by campaign, for measuring detection: a tab-separated file with a header
 * {@code split, label, kind, id, submitter, text} ({@code #} lines are comments). Two comments are copies of one
 * campaign exactly when their labels are equal; {@code split} is {@code tuning} or {@code heldout}.
 */
public record LabelledCorpus(List<Item> items) {

    /** One labelled comment. */
    public record Item(String split, String label, String kind, String id, String submitter, String text) {
    }

    public static LabelledCorpus read(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 6) {
                throw new IOException(file + ": a line of " + cells.length + " cells, not 6: " + line);
            }
            items.add(new Item(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]));
        }
        return new LabelledCorpus(List.copyOf(items));
    }

    public List<Item> split(String name) {
        return items.stream().filter(i -> i.split().equals(name)).toList();
    }
}
