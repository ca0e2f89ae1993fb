package io.consultdesk.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering rules, checked rather than hoped for. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.consultdesk.command");

    @Test
    void routingIsPureDomainCode() {
        noClasses().that().resideInAPackage("..routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "com.mongodb..", "org.apache.kafka..", "jakarta..")
                .check(classes);
    }

    @Test
    void aggregatesDoNotReachIntoInfrastructure() {
        noClasses().that().haveSimpleNameEndingWith("Submission").or().haveSimpleName("Consultation")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "com.mongodb..",
                        "org.apache.kafka..", "io.consultdesk.command.relay..", "io.consultdesk.command.web..")
                .check(classes);
    }

    @Test
    void theWriteSideNeverImportsTheReadSide() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.consultdesk.query..").check(classes);
    }
}
