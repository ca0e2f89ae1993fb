package io.consultdesk.command.campaign;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Reduces an opinion to the words that carry its meaning, so that copies of one template compare equal however
 * they were typed: full-width forms folded (NFKC), every punctuation mark, symbol and space dropped, and ASCII
 * letters and all digits dropped — a campaign's copies differ there most (phone numbers, dates, amounts, e-mail
 * addresses, enumerations), while Chinese opinions say what they mean in Han characters. The names given (the
 * submitter's own, its public form) are cut out first: a template signed by each sender is still one template.
 */
public final class OpinionNormaliser {

    private OpinionNormaliser() {
    }

    /** The normalised text of {@code opinion}, without any of {@code names}; empty when nothing is left. */
    public static String normalise(String opinion, Collection<String> names) {
        if (opinion == null) {
            return "";
        }
        String text = fold(opinion);
        // longest first, so that a full name is cut before a shorter name inside it
        for (String name : names.stream().filter(n -> n != null).map(OpinionNormaliser::keptLetters)
                .filter(n -> n.length() >= 2).sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            text = text.replace(name, "");
        }
        return text;
    }

    /** As {@link #normalise(String, Collection)} with no names to cut. */
    public static String normalise(String opinion) {
        return normalise(opinion, List.of());
    }

    private static String fold(String text) {
        return keptLetters(text);
    }

    /** Only letters outside ASCII survive (names are cut in the same form as the text they are cut from). */
    private static String keptLetters(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(OpinionNormaliser::carriesMeaning).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean carriesMeaning(int codePoint) {
        return codePoint > 0x7F && Character.isLetter(codePoint);
    }
}
