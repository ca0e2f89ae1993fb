package io.consultdesk.command.campaign;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ranks the clusters a comment's bands lead to by how many of its bands lead there. */
final class SharedBands {

    private SharedBands() {
    }

    /** At most {@code most} cluster ids from {@code buckets} (one list per band), most shared first, ties in order found. */
    static List<String> ranked(List<List<String>> buckets, int most) {
        Map<String, Integer> shared = new LinkedHashMap<>();
        buckets.forEach(bucket -> bucket.stream().distinct().forEach(id -> shared.merge(id, 1, Integer::sum)));
        return shared.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(most).map(Map.Entry::getKey).toList();
    }
}
