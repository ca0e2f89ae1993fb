package io.consultdesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What problem details say in English and how they read in Chinese: each phrase an English pattern over a whole
 * message and its Chinese with the pattern's groups ({@code $1}). Each service contributes its own as a bean;
 * the details are written in English where they arise and said in Chinese on the way out
 * ({@link LocalizedProblems}). A message no phrase knows stays as written.
 */
public final class ProblemPhrases {

    /** {@code $1} … {@code $9} in a Chinese replacement. */
    private static final Pattern GROUP = Pattern.compile("\\$(\\d)");

    private final List<Phrase> phrases;

    private ProblemPhrases(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    /** One English pattern and how a message it matches reads in Chinese. */
    private record Phrase(Pattern english, Function<MatchResult, String> chinese) {
    }

    /** From pairs: an English regular expression matching a whole message, then its Chinese replacement. */
    public static ProblemPhrases of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("phrases come in pairs: English pattern, Chinese");
        }
        List<Phrase> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String chinese = pairs[i + 1];
            list.add(new Phrase(Pattern.compile(pairs[i], Pattern.DOTALL), m -> withGroups(chinese, m)));
        }
        return new ProblemPhrases(list);
    }

    /**
     * From English regular expressions, in the order they are tried, each with what says its match in Chinese: for
     * messages whose parts need words of their own (a state's name, a list), which a replacement cannot give.
     */
    public static ProblemPhrases saying(Map<String, Function<MatchResult, String>> phrases) {
        List<Phrase> list = new ArrayList<>();
        phrases.forEach((english, chinese) -> list.add(new Phrase(Pattern.compile(english, Pattern.DOTALL), chinese)));
        return new ProblemPhrases(list);
    }

    /** {@code chinese} with each {@code $n} replaced by the match's group n, taken literally. */
    public static String withGroups(String chinese, MatchResult m) {
        Matcher group = GROUP.matcher(chinese);
        StringBuilder said = new StringBuilder();
        while (group.find()) {
            int n = Integer.parseInt(group.group(1));
            group.appendReplacement(said, Matcher.quoteReplacement(n <= m.groupCount() && m.group(n) != null ? m.group(n) : ""));
        }
        return group.appendTail(said).toString();
    }

    /** The Chinese of a whole message, if a phrase knows it. */
    public Optional<String> chinese(String english) {
        for (Phrase phrase : phrases) {
            Matcher m = phrase.english().matcher(english);
            if (m.matches()) {
                return Optional.of(phrase.chinese().apply(m.toMatchResult()));
            }
        }
        return Optional.empty();
    }

    /**
     * A detail in Chinese: the whole of it if a phrase knows it, else each {@code field: message} of a list joined
     * by {@code "; "} with its message said in Chinese and its field name kept (it is the parameter's name).
     */
    public static String chinese(String detail, List<ProblemPhrases> catalogues) {
        if (detail == null) {
            return null;
        }
        Optional<String> whole = lookUp(detail, catalogues);
        if (whole.isPresent()) {
            return whole.get();
        }
        List<String> parts = new ArrayList<>();
        boolean said = false;
        for (String part : detail.split("; ")) {
            int colon = part.indexOf(": ");
            Optional<String> message = colon > 0 ? lookUp(part.substring(colon + 2), catalogues) : lookUp(part, catalogues);
            said |= message.isPresent();
            parts.add(message.map(m -> colon > 0 ? part.substring(0, colon) + "：" + m : m).orElse(part));
        }
        // a detail none of whose parts is known stays exactly as written
        return said ? String.join("；", parts) : detail;
    }

    /** The message alone said in Chinese, if any catalogue knows it. */
    public static Optional<String> lookUp(String message, List<ProblemPhrases> catalogues) {
        for (ProblemPhrases catalogue : catalogues) {
            Optional<String> found = catalogue.chinese(message);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
