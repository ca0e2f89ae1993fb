package io.consultdesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What problem details say in English and how they read in Chinese: each phrase an English pattern over a whole
 * message and its Chinese with the pattern's groups ({@code $1}). Each service contributes its own as a bean;
 * the details are written in English where they arise and said in Chinese on the way out
 * ({@link LocalizedProblems}). A message no phrase knows stays as written.
 */
public final class ProblemPhrases {

    private final List<Phrase> phrases;

    private ProblemPhrases(List<Phrase> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    /** One English pattern and its Chinese. */
    private record Phrase(Pattern english, String chinese) {
    }

    /** From pairs: an English regular expression matching a whole message, then its Chinese replacement. */
    public static ProblemPhrases of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("phrases come in pairs: English pattern, Chinese");
        }
        List<Phrase> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new Phrase(Pattern.compile(pairs[i], Pattern.DOTALL), pairs[i + 1]));
        }
        return new ProblemPhrases(list);
    }

    /** The Chinese of a whole message, if a phrase knows it. */
    public Optional<String> chinese(String english) {
        for (Phrase phrase : phrases) {
            Matcher m = phrase.english().matcher(english);
            if (m.matches()) {
                return Optional.of(m.replaceAll(phrase.chinese()));
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
