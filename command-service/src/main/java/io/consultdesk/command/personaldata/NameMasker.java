package io.consultdesk.command.personaldata;

import java.util.Comparator;
import java.util.List;

/**
 * The public form of a submitter's name. Persons keep their first and last character (陈大天 → 陈*天,
 * 王五 → 王*); organisations keep their region prefix and organisational form, and any job title after it,
 * with the distinctive name replaced by a fixed run of asterisks (深圳市星河产业协会 → 深圳市****产业协会).
 * Left as they are: a name that already holds an asterisk (taken as masked), an honorific form that
 * names no one (黄先生, 陈女士) and a bracketed note in place of a name (（未署名）, （匿名）). A one-character
 * person's name becomes that character and one asterisk (李 → 李*), the same public form a two-character name
 * gets: it reveals no more than the surname and is never reduced to nothing (a bare "*" would drop the name).
 */
public final class NameMasker {

    /** Default region prefixes; longer ones are tried first. */
    public static final List<String> DEFAULT_REGIONS = List.of(
            "中华人民共和国", "广东省", "深圳市", "广州市", "北京市", "上海市", "天津市", "重庆市",
            "香港特别行政区", "澳门特别行政区", "深圳", "广东", "广州", "北京", "上海", "香港", "国家", "中国");

    /** Default organisational forms; the longest that ends the organisation's name wins. */
    public static final List<String> DEFAULT_FORMS = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "产业协会", "行业协会", "协会",
            "研究生院", "研究院", "研究所", "研究中心", "分中心", "中心", "集团", "大学", "学院", "学校",
            "商会", "联合会", "基金会", "事务所", "工作室", "医院", "委员会", "联盟", "实验室");

    private final List<String> regions;
    private final List<String> forms;
    private final String mask;

    public NameMasker(List<String> regions, List<String> forms, int maskLength) {
        this.regions = regions.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.forms = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.mask = "*".repeat(maskLength);
    }

    public static NameMasker defaults() {
        return new NameMasker(DEFAULT_REGIONS, DEFAULT_FORMS, 4);
    }

    public String mask(String name, boolean organisation) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        if (trimmed.contains("*") || isPublicForm(trimmed)) {
            return trimmed;
        }
        return organisation ? maskOrganisation(trimmed) : maskPerson(trimmed);
    }

    /** A form that is already public: X先生 / X女士 …, or a bracketed note such as （未署名）. */
    public static boolean isPublicForm(String name) {
        String n = name.strip();
        return n.matches("\\S{1,2}(先生|女士|同志|老师|小姐)") || n.matches("[（(【\\[].*[）)】\\]]")
                || n.matches("匿名|未署名|不具名|佚名|无名氏");
    }

    private static String maskPerson(String name) {
        int[] cps = name.codePoints().toArray();
        if (cps.length <= 2) {
            return new String(cps, 0, 1) + "*";
        }
        return new String(cps, 0, 1) + "*".repeat(cps.length - 2) + new String(cps, cps.length - 1, 1);
    }

    private String maskOrganisation(String name) {
        String region = regions.stream().filter(name::startsWith).findFirst().orElse("");
        String rest = name.substring(region.length());
        // the organisational form that ends furthest right (the longest of those ending there);
        // anything after it is a job title and stays
        int formAt = -1;
        int formEnd = -1;
        for (String candidate : forms) {
            int at = rest.lastIndexOf(candidate);
            int end = at + candidate.length();
            if (at > 0 && (end > formEnd || (end == formEnd && at < formAt))) {
                formAt = at;
                formEnd = end;
            }
        }
        if (formAt <= 0) {
            return region + mask;
        }
        return region + mask + rest.substring(formAt);
    }

    /** A guess for rows that do not say: anything with an organisational form is an organisation. */
    public boolean looksLikeOrganisation(String name) {
        if (name == null) {
            return false;
        }
        String n = name.strip();
        return n.codePointCount(0, n.length()) > 4 || forms.stream().anyMatch(n::contains);
    }
}
