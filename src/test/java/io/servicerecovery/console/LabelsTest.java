package io.servicerecovery.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.servicerecovery.apology.FindingCode;
import io.servicerecovery.cases.CaseStatus;
import io.servicerecovery.cases.CaseStep;
import io.servicerecovery.cases.Channel;
import io.servicerecovery.cases.FailureStage;
import io.servicerecovery.cases.Severity;
import io.servicerecovery.cases.Tier;
import io.servicerecovery.compensation.CompensationType;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.empowerment.Level;
import io.servicerecovery.notify.SentEmail;
import io.servicerecovery.timeline.TimelineKind;
import io.servicerecovery.workflow.RecoveryStep;
import io.servicerecovery.workflow.tasks.ApologyCompletion.DeliveredVia;

/** Every code the console shows has words in every console language, and no language lacks a key English has. */
class LabelsTest {

    static final List<Class<? extends Enum<?>>> SHOWN = List.of(Channel.class, Severity.class, FailureStage.class,
            Tier.class, Level.class, CompensationType.class, ProposalOutcome.class, CaseStatus.class, CaseStep.class,
            RecoveryStep.class, DeliveredVia.class, TimelineKind.class, FindingCode.class, SentEmail.EmailState.class);

    @Test
    void everyEnumTheConsoleShowsHasWordsInEveryLanguage() throws IOException {
        List<String> languages = languages();
        assertThat(languages).contains("en", "sv");
        for (String language : languages) {
            Properties words = load(language);
            for (Class<? extends Enum<?>> type : SHOWN) {
                for (Enum<?> value : type.getEnumConstants()) {
                    String key = type.getSimpleName() + "." + value.name();
                    assertThat(words.getProperty(key)).as("%s in labels_%s", key, language).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyLanguageHasTheKeysEnglishHasAndWordsOfItsOwn() throws IOException {
        Properties english = load("en");
        for (String language : languages()) {
            Properties words = load(language);
            assertThat(words.stringPropertyNames()).as("keys of labels_%s", language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
        assertThat(Labels.of("Severity", "CRITICAL", Locale.forLanguageTag("sv"))).isEqualTo("Kritisk");
        assertThat(Labels.of("RootCause", "CARRIER_DELAY", Locale.forLanguageTag("sv-SE"))).isEqualTo("Försenad transport");
    }

    @Test
    void aCodeNoBundleKnowsIsStillShownAsWordsAndALanguageWithoutBundleReadsEnglish() {
        assertThat(Labels.of("Category", "PARCEL_LEFT_IN_RAIN", Locale.ENGLISH)).isEqualTo("Parcel left in rain");
        assertThat(Labels.of("Severity", "HIGH", Locale.forLanguageTag("nb"))).isEqualTo("High");
    }

    private static List<String> languages() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/labels"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("labels_[a-z]{2}\\.properties"))
                    .map(n -> n.substring(7, 9)).sorted().toList();
        }
    }

    private static Properties load(String language) throws IOException {
        Properties words = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/labels/labels_" + language + ".properties")) {
            words.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return words;
    }
}
