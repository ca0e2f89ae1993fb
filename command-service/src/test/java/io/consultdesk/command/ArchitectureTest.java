package io.consultdesk.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.consultdesk.command.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theKernelOfSharedDomainWordsDependsOnNoFeature() {
        noClasses().that().resideInAPackage("io.consultdesk.command.kernel..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.consultdesk.command.kernel..", "java..")
                .check(classes);
    }

    @Test
    void theWebPlumbingKnowsNoFeature() {
        noClasses().that().resideInAPackage("io.consultdesk.command.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.consultdesk.command.consultation..",
                        "io.consultdesk.command.submission..", "io.consultdesk.command.publication..",
                        "io.consultdesk.command.importing..", "io.consultdesk.command.audit..", "io.consultdesk.command.routing..")
                .check(classes);
    }
}
