package io.consultdesk.command.personaldata;

import io.consultdesk.command.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameMaskerTest {

    private final NameMasker masker = NameMasker.defaults();

    @ParameterizedTest
    @CsvSource({"陈大天,陈*天", "王五,王*", "欧阳小明,欧**明", "李,李*", "黄先生,黄先生", "陈女士,陈女士", "（未署名）,（未署名）", "匿名,匿名"})
    void personsKeepFirstAndLastCharacter(String name, String masked) {
        assertThat(masker.mask(name, false)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "深圳市星河产业协会,深圳市****产业协会",
            "深圳星河智能科技有限公司,深圳****有限公司",
            "深圳市星河科技股份有限公司,深圳市****股份有限公司",
            "清华大学深圳研究生院,****研究生院",
            "星河集团产业化总经理,****集团产业化总经理",
            "国家星河安全管理中心广东分中心,国家****分中心",
            "星河,****"})
    void organisationsKeepRegionAndFormAndMaskTheDistinctiveName(String name, String masked) {
        assertThat(masker.mask(name, true)).isEqualTo(masked);
    }

    @Test
    void theSeedsAlreadyMaskedNamesPassThroughUnchanged() {
        List<SeedFiles.Expected> rows = SeedFiles.expected();
        for (SeedFiles.Expected row : rows) {
            boolean organisation = masker.looksLikeOrganisation(row.submitter());
            assertThat(masker.mask(row.submitter(), organisation)).isEqualTo(row.submitter());
        }
    }

    @Test
    void maskingIsIdempotent() {
        String once = masker.mask("深圳市星河产业协会", true);
        assertThat(masker.mask(once, true)).isEqualTo(once);
    }

    @Test
    void guessesTheKindOfSeedSubmitters() {
        assertThat(masker.looksLikeOrganisation("陈*天")).isFalse();
        assertThat(masker.looksLikeOrganisation("****集团产业化总经理")).isTrue();
        assertThat(masker.looksLikeOrganisation("深圳市****产业协会")).isTrue();
    }
}
