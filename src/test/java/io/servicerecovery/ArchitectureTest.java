package io.servicerecovery;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture.md: features depend on each other one way only,
 * and the process engine is known to workflow/ alone (and to ops/ for readiness and metrics),
 * so a move to another engine stays a change in one package.
 */
@AnalyzeClasses(packages = "io.servicerecovery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noTwoFeaturesDependOnEachOther = slices().matching("io.servicerecovery.(*)..")
            .namingSlices("$1").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyWorkflowAndOpsKnowTheEngine = noClasses().that()
            .resideOutsideOfPackages("io.servicerecovery.workflow..", "io.servicerecovery.ops..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("the engine stays behind workflow/, so the features never see it");

    @ArchTest
    static final ArchRule commonKnowsNoFeature = noClasses().that().resideInAPackage("io.servicerecovery.common..")
            .should().dependOnClassesThat(resideInAPackage("io.servicerecovery..")
                    .and(resideOutsideOfPackage("io.servicerecovery.common..")))
            .because("common/ is the floor every feature stands on");

    @ArchTest
    static final ArchRule onlyTheEdgeSpeaksHttp = noClasses().that()
            .resideOutsideOfPackages("io.servicerecovery.common..", "io.servicerecovery.console..")
            .and().haveSimpleNameNotEndingWith("Resource")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .orShould().dependOnClassesThat().belongToAnyOf(io.servicerecovery.common.ProblemMappers.class)
            .because("the domain speaks no HTTP: services raise a DomainException, and only the resources, the"
                    + " console's pages and mapper, and common/'s problem mapping turn outcomes into statuses (issue"
                    + " 31); the HTTP clients of webhooks and mail are java.net.http and Vert.x, not JAX-RS, so they"
                    + " need no exemption");

    @ArchTest
    static final ArchRule resourcesAskCurrentUserWhoIsCalling = noClasses().that()
            .areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().dependOnClassesThat().areAssignableTo(io.quarkus.security.identity.SecurityIdentity.class)
            .because("security/CurrentUser is the one way to the caller (issue 12)");
}
