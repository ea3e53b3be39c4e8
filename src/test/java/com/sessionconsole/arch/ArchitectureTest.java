package com.sessionconsole.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The layering of DEVELOPERS.md, enforced. */
@AnalyzeClasses(packages = "com.sessionconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("com.sessionconsole.domain..")
            .layer("db").definedBy("com.sessionconsole.db..")
            .layer("service").definedBy("com.sessionconsole.service..")
            .layer("ui").definedBy("com.sessionconsole.ui..")
            .layer("cli").definedBy("com.sessionconsole.cli..")
            .layer("app").definedBy("com.sessionconsole.app..")
            .layer("audit").definedBy("com.sessionconsole.audit..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("audit").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "cli", "app", "audit")
            .whereLayer("db").mayOnlyBeAccessedByLayers("service", "cli", "app");

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("com.sessionconsole.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.postgresql..");

    @ArchTest
    static final ArchRule onlyDbTouchesJdbc = noClasses().that().resideOutsideOfPackage("com.sessionconsole.db..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.postgresql..", "com.zaxxer.hikari..", "io.zonky..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchTheSceneGraph = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule viewsNeverCallTheDatabase = noClasses().that().resideInAPackage("com.sessionconsole.ui..")
            .should().dependOnClassesThat().resideInAPackage("com.sessionconsole.db..");

    @ArchTest
    static final ArchRule noJavaFxOutsideUiAndApp = noClasses().that().resideInAnyPackage("com.sessionconsole.domain..",
                    "com.sessionconsole.db..", "com.sessionconsole.service..", "com.sessionconsole.cli..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule noSystemOutOutsideCli = noClasses().that().resideOutsideOfPackage("com.sessionconsole.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    /** Issue #10: text from the table (ip_address) must never make the analyst's machine query DNS. */
    @ArchTest
    static final ArchRule nothingAsksTheResolver = noClasses().should().callMethod(java.net.InetAddress.class, "getByName", String.class)
            .orShould().callMethod(java.net.InetAddress.class, "getAllByName", String.class);

    @ArchTest
    static final ArchRule backgroundWorkGoesThroughTaskRunner = noClasses().that()
            .resideInAnyPackage("com.sessionconsole.service..", "com.sessionconsole.ui..")
            .and().doNotHaveSimpleName("FxTaskRunner")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread");
}
