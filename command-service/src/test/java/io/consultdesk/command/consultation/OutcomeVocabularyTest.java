package io.consultdesk.command.consultation;

import io.consultdesk.command.kernel.InvalidField;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The words a 采纳情况 starts with, their classes, and a vocabulary as a request sets it. */
class OutcomeVocabularyTest {

    private final OutcomeVocabulary defaults = OutcomeVocabulary.classing(Consultation.DEFAULT_OUTCOMES);

    @Test
    void theWordsOfRealTablesAreFoundWithTheirClasses() {
        assertThat(defaults.startOf("部分采纳，已预留用地。")).contains(new OutcomeWord("部分采纳", OutcomeClass.PARTLY));
        assertThat(defaults.startOf("采纳。")).contains(new OutcomeWord("采纳", OutcomeClass.ACCEPTED));
        assertThat(defaults.startOf("已采纳")).contains(new OutcomeWord("已采纳", OutcomeClass.ACCEPTED));
        assertThat(defaults.startOf("已反馈给建设单位研究及落实。")).contains(new OutcomeWord("已反馈", OutcomeClass.EXPLAINED));
        assertThat(defaults.startOf("解释说明：现行规定已明确。")).contains(new OutcomeWord("解释说明", OutcomeClass.EXPLAINED));
        assertThat(defaults.startOf("是")).contains(new OutcomeWord("是", OutcomeClass.ACCEPTED));
        assertThat(defaults.startOf("否。")).contains(new OutcomeWord("否", OutcomeClass.NOT_ACCEPTED));
        assertThat(defaults.startOf("不予采纳，理由如下")).contains(new OutcomeWord("不予采纳", OutcomeClass.NOT_ACCEPTED));
    }

    @Test
    void aOneCharacterWordIsAWordOnlyWhenNothingButPunctuationFollowsIt() {
        assertThat(defaults.startOf("是否需要另行规定")).isEmpty();
        assertThat(defaults.startOf("同意。")).isEmpty();
    }

    @Test
    void theConsultationsOwnWordsComeFirstAndCarryTheirOwnClass() {
        OutcomeVocabulary own = OutcomeVocabulary.of(List.of(new OutcomeWord("已办理", OutcomeClass.ACCEPTED),
                new OutcomeWord("已反馈", OutcomeClass.ACCEPTED)));
        assertThat(own.startOf("已办理。")).contains(new OutcomeWord("已办理", OutcomeClass.ACCEPTED));
        assertThat(own.startOf("已反馈给建设单位")).contains(new OutcomeWord("已反馈", OutcomeClass.ACCEPTED));
        assertThat(own.with(new OutcomeWord("是", OutcomeClass.ACCEPTED)).words()).containsExactly("已办理", "已反馈", "是");
    }

    @Test
    void aVocabularyRequestNamesTheBadField() {
        assertThat(ConsultationController.outcomeWords(List.of(new ConsultationController.OutcomeRequest("是", null),
                new ConsultationController.OutcomeRequest("已办理", "accepted"))))
                .containsExactly(new OutcomeWord("是", OutcomeClass.ACCEPTED), new OutcomeWord("已办理", OutcomeClass.ACCEPTED));
        assertThatThrownBy(() -> ConsultationController.outcomeWords(List.of(new ConsultationController.OutcomeRequest("已办理", null))))
                .isInstanceOf(InvalidField.class).hasMessageContaining("give its class")
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("outcomes[0].class");
        assertThatThrownBy(() -> ConsultationController.outcomeWords(List.of(new ConsultationController.OutcomeRequest("是", "yes"))))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("outcomes[0].class");
        assertThatThrownBy(() -> ConsultationController.outcomeWords(Arrays.asList(new ConsultationController.OutcomeRequest("是", null),
                new ConsultationController.OutcomeRequest(" 是 ", null))))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("outcomes[1].word");
        assertThatThrownBy(() -> ConsultationController.outcomeWords(List.of()))
                .extracting(e -> ((InvalidField) e).field()).isEqualTo("outcomes");
    }
}
