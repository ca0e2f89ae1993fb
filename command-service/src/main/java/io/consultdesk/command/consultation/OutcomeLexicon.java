package io.consultdesk.command.consultation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome words real 采纳情况表 use, each with its class: what an import recognises at the start of an
 * outcome cell and adopts without configuration, and how words given without a class are classed. A word
 * not here is taken only once a consultation's vocabulary names it.
 */
public final class OutcomeLexicon {

    private static final Map<String, OutcomeClass> WORDS = new LinkedHashMap<>();

    static {
        put(OutcomeClass.ACCEPTED, "采纳", "已采纳", "予以采纳", "拟采纳", "全部采纳", "完全采纳", "基本采纳", "原则采纳",
                "原则上采纳", "采用", "已采用", "已吸收", "吸收采纳", "已修改", "是");
        put(OutcomeClass.PARTLY, "部分采纳", "已部分采纳", "拟部分采纳", "部分吸收", "部分采用", "部分予以采纳");
        put(OutcomeClass.NOT_ACCEPTED, "不采纳", "未采纳", "不予采纳", "暂不采纳", "拟不采纳", "未予采纳", "不采用",
                "未吸收", "不予吸收", "否");
        put(OutcomeClass.EXPLAINED, "解释说明", "已解释", "已说明", "予以说明", "予以解释", "已反馈", "已转交", "已转办",
                "留作参考", "供参考", "作为参考", "参考", "已有规定", "已体现", "已研究");
    }

    private OutcomeLexicon() {
    }

    private static void put(OutcomeClass outcomeClass, String... words) {
        for (String word : words) {
            WORDS.put(word, outcomeClass);
        }
    }

    /** The class of a word this list knows. */
    public static Optional<OutcomeClass> classOf(String word) {
        return Optional.ofNullable(word == null ? null : WORDS.get(word.strip()));
    }

    /** The class of a word, {@link OutcomeClass#EXPLAINED} (explained or other) for a word this list does not know. */
    public static OutcomeClass classOrExplained(String word) {
        return classOf(word).orElse(OutcomeClass.EXPLAINED);
    }

    /** Every word it knows, in no particular order. */
    public static Iterable<String> words() {
        return WORDS.keySet();
    }
}
