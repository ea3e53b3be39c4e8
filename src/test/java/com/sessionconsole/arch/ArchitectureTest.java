package com.sessionconsole.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Arrays;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of DEVELOPERS.md, enforced. */
@AnalyzeClasses(packages = "com.sessionconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] FEATURES = {"live", "revoke", "findings", "history", "watchlist", "export", "audit", "demo"};
    private static final String[] FEATURE_PACKAGES = Arrays.stream(FEATURES).map(f -> "com.sessionconsole." + f + "..")
            .toArray(String[]::new);

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("com.sessionconsole.domain..")
            .layer("db").definedBy("com.sessionconsole.db..")
            .layer("features").definedBy(FEATURE_PACKAGES)
            .layer("files").definedBy("com.sessionconsole.files..")
            .layer("ui").definedBy("..ui..")
            .layer("workspace").definedBy("com.sessionconsole.workspace..")
            .layer("window").definedBy("com.sessionconsole.window..")
            .layer("cli").definedBy("com.sessionconsole.cli..")
            .layer("app").definedBy("com.sessionconsole.app..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("window").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("window", "app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("workspace").mayOnlyBeAccessedByLayers("window", "cli", "app")
            .whereLayer("features").mayOnlyBeAccessedByLayers("ui", "workspace", "window", "cli", "app")
            .whereLayer("files").mayOnlyBeAccessedByLayers("features", "ui", "workspace", "window", "cli", "app")
            .whereLayer("db").mayOnlyBeAccessedByLayers("features", "workspace", "cli", "app");

    /** The generic ui package is plumbing: it knows no feature and nothing above it. */
    @ArchTest
    static final ArchRule genericUiKnowsNoFeature = noClasses().that().resideInAPackage("com.sessionconsole.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(above(FEATURE_PACKAGES, "window", "cli", "app", "workspace"));

    /** The window shell sits at the top: only the composition root opens it. */
    @ArchTest
    static final ArchRule onlyAppUsesTheWindow = noClasses().that().resideOutsideOfPackages("com.sessionconsole.app..", "com.sessionconsole.window..")
            .should().dependOnClassesThat().resideInAPackage("com.sessionconsole.window..");

    /** Shared file formats know no feature (audit and watchlist write through them). */
    @ArchTest
    static final ArchRule filesKnowNoFeature = noClasses().that().resideInAPackage("com.sessionconsole.files..")
            .should().dependOnClassesThat().resideInAnyPackage(above(FEATURE_PACKAGES, "ui", "window", "cli", "app", "workspace", "db"));

    private static String[] above(String[] features, String... packages) {
        return Stream.concat(Arrays.stream(features), Arrays.stream(packages).map(p -> "com.sessionconsole." + p + ".."))
                .toArray(String[]::new);
    }

    /** Feature code below a view (live, revoke, …) never reaches up into any .ui package. */
    @ArchTest
    static final ArchRule uiIsReachableOnlyFromUiAndApp = noClasses().that().resideOutsideOfPackages("..ui..", "com.sessionconsole.window..", "com.sessionconsole.app..")
            .should().dependOnClassesThat().resideInAPackage("..ui..");

    /** A feature may use another (findings offers a revoke), but never in a circle. */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            for (String f : FEATURES) {
                if (c.getPackageName().equals("com.sessionconsole." + f) || c.getPackageName().startsWith("com.sessionconsole." + f + ".")) {
                    return SliceIdentifier.of(f);
                }
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "feature packages";
        }
    }).should().beFreeOfCycles();

    /** Finer: no two packages depend on each other, the window chrome included. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("com.sessionconsole.(**)").should().beFreeOfCycles();

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
    static final ArchRule viewsNeverCallTheDatabase = noClasses().that().resideInAnyPackage("..ui..", "com.sessionconsole.window..")
            .should().dependOnClassesThat().resideInAPackage("com.sessionconsole.db..");

    @ArchTest
    static final ArchRule noJavaFxOutsideUiAndApp = noClasses().that().resideOutsideOfPackages("..ui..", "com.sessionconsole.window..", "com.sessionconsole.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule noSystemOutOutsideCli = noClasses().that().resideOutsideOfPackage("com.sessionconsole.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    /** Issue #10: text from the table (ip_address) must never make the analyst's machine query DNS. */
    @ArchTest
    static final ArchRule nothingAsksTheResolver = noClasses().should().callMethod(java.net.InetAddress.class, "getByName", String.class)
            .orShould().callMethod(java.net.InetAddress.class, "getAllByName", String.class);

    /** Threads are made in two places only: the FX task runner (view lane, I/O pool, scheduler) and the composition root (the poll lane). */
    @ArchTest
    static final ArchRule backgroundWorkGoesThroughTaskRunner = noClasses().that()
            .resideOutsideOfPackages("com.sessionconsole.app..", "com.sessionconsole.cli..", "com.sessionconsole.db..",
                    "com.sessionconsole.audit..")
            .and().doNotHaveSimpleName("FxTaskRunner")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().callConstructorWhere(JavaConstructorCall.Predicates.target(HasOwner.Predicates.With.owner(
                    JavaClass.Predicates.assignableTo(Thread.class))));

    /** UI state changes on the FX thread through one hand-off point. */
    @ArchTest
    static final ArchRule runLaterOnlyInTheTaskRunner = noClasses().that().doNotHaveSimpleName("FxTaskRunner")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);

    /** Small classes, with no exception (CopyRows and ConnectionString, once exempt, are well under the limit now). */
    @ArchTest
    static final ArchRule classesStaySmall = classes().that().resideInAPackage("com.sessionconsole..")
            .and().areTopLevelClasses().should(new ArchCondition<>("have fewer than 300 source lines") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    int lines = SourceLines.of(c);
                    if (lines >= 300) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " has " + lines + " lines"));
                    }
                }
            });

    /** Reads the class's source file from src/main/java, where Maven runs the tests. */
    private static final class SourceLines {
        static int of(JavaClass c) {
            java.nio.file.Path p = java.nio.file.Path.of("src/main/java", c.getName().replace('.', '/') + ".java");
            try {
                return java.nio.file.Files.readAllLines(p).size();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("no source for " + c.getName(), e);
            }
        }
    }
}
