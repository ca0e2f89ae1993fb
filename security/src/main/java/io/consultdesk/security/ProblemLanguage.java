package io.consultdesk.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * The language a problem's {@code detail} is said in: Chinese first, English when the caller's
 * {@code Accept-Language} ranks English above Chinese. A caller that names neither, or sends no header, reads
 * Chinese.
 */
public final class ProblemLanguage {

    private ProblemLanguage() {
    }

    public static boolean english(HttpServletRequest request) {
        return english(request.getHeader("Accept-Language"));
    }

    /** Whether the first of zh and en in the header's ranking is en. */
    public static boolean english(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("zh")) {
                    return false;
                }
                if (language.equals("en")) {
                    return true;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header that is no language list asks for nothing: the default
        }
        return false;
    }

    /** The Content-Language of a detail said in that language. */
    public static String tag(boolean english) {
        return english ? "en" : "zh-CN";
    }
}
