package org.openlss.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house of DESIGN.md, checked: every feature package imports only the features the table allows, and the graph
 * has no cycle. A sub-package (e.g. {@code pubpoint.rest}) belongs to its feature.
 */
class PackageGraphTest {
    private static final String ROOT = "org.openlss";
    /** What each feature may import besides itself (and the JDK, Jakarta, MicroProfile and libraries). */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("mp4", Set.of()),
            Map.entry("ts", Set.of("mp4")),
            Map.entry("live", Set.of("mp4")),
            Map.entry("platform", Set.of()),
            Map.entry("pubpoint", Set.of("live", "mp4", "platform")),
            Map.entry("player", Set.of("live", "mp4", "pubpoint", "platform")),
            Map.entry("smooth", Set.of("player", "live", "mp4", "pubpoint", "platform")),
            Map.entry("hls", Set.of("player", "live", "ts", "mp4", "pubpoint", "platform")),
            Map.entry("cmaf", Set.of("player", "live", "mp4", "pubpoint", "platform")),
            // archived presentations are written with, and served as, Smooth (.ismc, /archive/ Manifest, Fragments),
            // and served as MPEG-DASH and fMP4 HLS (/archive/ Manifest(format=mpd-time-cmaf|m3u8-cmaf))
            Map.entry("archive", Set.of("smooth", "hls", "cmaf", "player", "live", "mp4", "pubpoint", "platform")),
            Map.entry("ingest", Set.of("live", "mp4", "pubpoint", "platform")),
            Map.entry("syndication", Set.of("ingest", "live", "mp4", "pubpoint", "platform")),
            Map.entry("stats", Set.of("live", "mp4", "pubpoint", "platform")),
            Map.entry("web", Set.of("player", "smooth", "hls", "cmaf", "archive", "ingest", "syndication", "stats", "pubpoint",
                    "live", "mp4", "ts", "platform")),
            Map.entry("admin", Set.of("web", "stats", "pubpoint", "live", "mp4", "platform")),
            Map.entry("encoder", Set.of("mp4", "live")));

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyPackageIsAFeatureOfTheTable() {
        ArchRuleDefinition.classes().should(new ArchCondition<JavaClass>("lie in a feature package of DESIGN.md") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!MAY_USE.containsKey(feature(item))) {
                    events.add(SimpleConditionEvent.violated(item,
                            item.getName() + " is in no package of DESIGN.md's table"));
                }
            }
        }).check(classes);
    }

    @Test
    void featuresImportOnlyWhatTheTableAllows() {
        ArchRule rule = ArchRuleDefinition.noClasses().should(new ArchCondition<JavaClass>(
                "depend on a feature their row of DESIGN.md does not name") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String from = feature(item);
                Set<String> allowed = MAY_USE.getOrDefault(from, Set.of());
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    if (!target.getPackageName().startsWith(ROOT + ".")) {
                        return;
                    }
                    String to = feature(target);
                    if (!to.equals(from) && !allowed.contains(to)) {
                        events.add(SimpleConditionEvent.satisfied(item, d.getDescription()));
                    }
                });
            }
        });
        rule.check(classes);
    }

    @Test
    void theGraphHasNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theMediaCoreUsesNoContainerType() {
        ArchRuleDefinition.noClasses().that().resideInAnyPackage(ROOT + ".mp4..", ROOT + ".ts..", ROOT + ".live..",
                        ROOT + ".encoder..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.microprofile..")
                .check(classes);
    }

    private static String feature(JavaClass c) {
        String rest = c.getPackageName().substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
