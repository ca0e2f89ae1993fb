package io.consultdesk.query.presentation;

/**
 * The Chinese web font every page and the HTML table bring with them, so that no page shows boxes on a machine
 * without a CJK font: Noto Sans SC (SIL Open Font License), served by query-service from {@value #STYLESHEET}
 * and split by Unicode range. Installed fonts come first in {@link #FAMILIES}: where one has the characters,
 * the browser fetches nothing; where none does, it fetches only the parts a page's text needs.
 */
public final class WebFont {

    public static final String STYLESHEET = "/fonts/noto-sans-sc/noto-sans-sc.css";
    /** The name the stylesheet's faces carry: their own, so that no installed font of the same name shadows them. */
    public static final String FAMILY = "ConsultDesk Noto Sans SC";
    public static final String FAMILIES = "\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"" + FAMILY + "\",sans-serif";

    private WebFont() {
    }
}
