package io.consultdesk.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The read side shares no code with the write side and never touches the event store's framework. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.consultdesk.query");

    @Test
    void theReadSideNeverImportsTheWriteSide() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.consultdesk.command..", "org.axonframework..")
                .check(classes);
    }

    @Test
    void projectionsDoNotDependOnTheWebLayer() {
        noClasses().that().haveSimpleNameEndingWith("Projection")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "io.consultdesk.query.pages..")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.consultdesk.query.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theFeedNamesNoProjectionItFeeds() {
        noClasses().that().resideInAPackage("io.consultdesk.query.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("io.consultdesk.query.audit..", "io.consultdesk.query.board..",
                        "io.consultdesk.query.consultation..", "io.consultdesk.query.dashboard..", "io.consultdesk.query.pages..",
                        "io.consultdesk.query.publication..", "io.consultdesk.query.replay..", "io.consultdesk.query.submission..")
                .check(classes);
    }
}
