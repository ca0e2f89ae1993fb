package io.consultdesk.command.publication;

import io.consultdesk.command.consultation.ConsultationRefused;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 序号 of each row of a table about to be published. A row imported from a table that was already
 * published keeps the 序号 it had there (the public has cited it); every other row, in the order received,
 * takes the next number after the highest kept one. Two rows keeping the same 序号 refuse the publication,
 * naming them.
 */
final class RowNumbers {

    private RowNumbers() {
    }

    /** {@code kept}: for each item (in the order received) its published 序号, or null; returns each item's row number. */
    static List<Integer> assign(List<String> ids, List<Integer> kept) {
        Map<Integer, List<String>> holders = new LinkedHashMap<>();
        int highest = 0;
        for (int i = 0; i < ids.size(); i++) {
            Integer n = kept.get(i);
            if (n != null) {
                holders.computeIfAbsent(n, k -> new ArrayList<>()).add(ids.get(i));
                highest = Math.max(highest, n);
            }
        }
        List<String> clashes = new ArrayList<>();
        holders.forEach((n, items) -> {
            if (items.size() > 1) {
                clashes.add("序号 " + n + " is held by " + String.join(" and ", items));
            }
        });
        if (!clashes.isEmpty()) {
            throw new ConsultationRefused("two imported rows keep the same 序号: " + String.join("; ", clashes)
                    + ". Withdraw or mark as duplicate all but one of each, then publish");
        }
        List<Integer> numbers = new ArrayList<>();
        int next = highest;
        for (Integer n : kept) {
            numbers.add(n != null ? n : ++next);
        }
        return numbers;
    }
}
