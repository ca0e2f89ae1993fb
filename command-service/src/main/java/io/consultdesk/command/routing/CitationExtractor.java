package io.consultdesk.command.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the draft's clauses and chapters that a comment cites.
 *
 * <p>Recognised clause forms: 第（十五）条, 第(十五)条, 第十五条, 第15条, 第（三）、（四）条, 第（三）至（五）条,
 * 引用（十一）条, 引用第（八）条, 引用（十九）加强…, and a bracketed clause inside a quoted reference to the
 * draft ("在《若干措施》“七、完善人工智能发展环境、（二十）打造公共技术服务平台”中"). Articles of another
 * document are not the draft's: 《深圳市重点实验室建设和运行管理办法》第三条 and 民法典第二条 are skipped.
 * Chapters are found as 四、 at the start of a quotation or list item, or by a chapter title the catalogue knows.
 */
public final class CitationExtractor {

    private static final String NUM = "[零〇一二两三四五六七八九十百]+|\\d{1,3}";
    private static final String BRACKETED = "[（(]\\s*(?:" + NUM + ")\\s*[)）]";
    private static final String ONE = "(?:" + BRACKETED + "|" + NUM + ")";

    /** 第 … 条 with one or several numbers: 第（三）条, 第三条, 第（三）、（四）条, 第（三）至（五）条. */
    private static final Pattern ARTICLE = Pattern.compile(
            "第\\s*(" + ONE + "(?:\\s*[、，,和及与至到~－-]\\s*第?\\s*" + ONE + ")*)\\s*条");
    /** 引用（十一）条, 引用第（八）条, 引用（十九）加强…: the bracket is enough after 引用. */
    private static final Pattern QUOTING = Pattern.compile("引用\\s*第?\\s*(" + BRACKETED + ")");
    /** A bracketed numeral right after an opening quote or an enumeration comma: “（二十）… or 、（三）…. */
    private static final Pattern BARE_BRACKET = Pattern.compile("(?<=[“\"「、])\\s*(" + BRACKETED + ")");
    private static final Pattern NUMBER = Pattern.compile(NUM);
    private static final Pattern CHAPTER = Pattern.compile("(?<=[“\"「，,])\\s*([一二三四五六七八九十]+)、");
    private static final Pattern OTHER_LAW_NAME = Pattern.compile("[\\p{IsHan}]{1,20}(?:法|法典|条例|办法|规定|细则|规则|决定|通知|章程)$");

    private final Set<String> draftNames;
    private final Map<String, String> chapterTitles;

    /**
     * @param draftNames    names the draft goes by inside 《》 (若干措施, 征求意见稿, its full title …): articles
     *                      after them are the draft's own
     * @param chapterTitles chapter numeral (四) to title (推动“+AI”应用创新示范), as far as known; may be empty
     */
    public CitationExtractor(Set<String> draftNames, Map<String, String> chapterTitles) {
        this.draftNames = Set.copyOf(draftNames);
        this.chapterTitles = Map.copyOf(chapterTitles);
    }

    /** The default for a draft known as 《…若干措施（征求意见稿）》. */
    public static CitationExtractor forDraft(String title, Map<String, String> chapterTitles) {
        Set<String> names = new LinkedHashSet<>(List.of("若干措施", "征求意见稿", "本措施", "措施"));
        if (title != null && !title.isBlank()) {
            names.add(title.strip().replaceAll("^《|》$", ""));
        }
        return new CitationExtractor(names, chapterTitles);
    }

    public Citations extract(String text) {
        if (text == null || text.isBlank()) {
            return new Citations(List.of(), List.of());
        }
        List<Found> found = new ArrayList<>();
        Matcher article = ARTICLE.matcher(text);
        while (article.find()) {
            if (!citesAnotherDocument(text, article.start())) {
                found.addAll(numbersIn(article.group(1), article.start()));
            }
        }
        collectSingle(QUOTING, text, found);
        collectSingle(BARE_BRACKET, text, found);
        found.sort((a, b) -> Integer.compare(a.position, b.position));
        Set<ClauseNumber> clauses = new LinkedHashSet<>();
        found.forEach(f -> clauses.add(f.clause));
        return new Citations(new ArrayList<>(clauses), chapters(text));
    }

    private void collectSingle(Pattern pattern, String text, List<Found> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            ClauseNumber clause = clause(m.group(1));
            if (clause != null) {
                into.add(new Found(clause, m.start(1)));
            }
        }
    }

    /**
     * The clause a written number names, or null for one no draft has ("第0条", "第〇条", "（百百）"): a comment that
     * writes such a number is still a comment, and cites nothing by it.
     */
    private static ClauseNumber clause(String written) {
        try {
            return ClauseNumber.parse(written);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<Found> numbersIn(String list, int position) {
        List<Found> result = new ArrayList<>();
        Matcher m = NUMBER.matcher(list);
        ClauseNumber previous = null;
        boolean range = false;
        int last = 0;
        while (m.find()) {
            String between = list.substring(last, m.start());
            range = between.matches(".*[至到~－-].*");
            ClauseNumber clause = clause(m.group());
            if (clause == null) {
                last = m.end();
                continue;
            }
            if (range && previous != null && clause.value() > previous.value() && clause.value() - previous.value() < 50) {
                for (int v = previous.value() + 1; v < clause.value(); v++) {
                    result.add(new Found(new ClauseNumber(v), position));
                }
            }
            result.add(new Found(clause, position));
            previous = clause;
            last = m.end();
        }
        return result;
    }

    /** True when the 第…条 at {@code start} belongs to a named other document: 《X办法》第三条, 民法典第二条. */
    private boolean citesAnotherDocument(String text, int start) {
        String before = text.substring(Math.max(0, start - 60), start).stripTrailing();
        if (before.endsWith("》")) {
            int open = before.lastIndexOf('《');
            if (open < 0) {
                return true;
            }
            String name = before.substring(open + 1, before.length() - 1);
            return draftNames.stream().noneMatch(name::contains);
        }
        if (draftNames.stream().anyMatch(before::endsWith)) {
            return false;
        }
        return OTHER_LAW_NAME.matcher(before).find();
    }

    private List<String> chapters(String text) {
        Set<String> chapters = new LinkedHashSet<>();
        List<int[]> positions = new ArrayList<>();
        Matcher m = CHAPTER.matcher(text);
        while (m.find()) {
            positions.add(new int[] {m.start(1), ClauseNumber.chineseToInt(m.group(1))});
        }
        chapterTitles.forEach((numeral, title) -> {
            int at = title.isBlank() ? -1 : text.indexOf(title);
            if (at >= 0) {
                positions.add(new int[] {at, ClauseNumber.chineseToInt(numeral)});
            }
        });
        positions.sort((a, b) -> Integer.compare(a[0], b[0]));
        positions.forEach(p -> chapters.add(ClauseNumber.intToChinese(p[1])));
        return new ArrayList<>(chapters);
    }

    private record Found(ClauseNumber clause, int position) {
    }
}
