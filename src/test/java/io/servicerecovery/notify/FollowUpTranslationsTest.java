package io.servicerecovery.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every language of the follow-up has all its words: the build only checks that a file uses declared keys, and a
 * key a file lacked would come in English, in the middle of a Thai or Swedish email.
 */
class FollowUpTranslationsTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void everyLanguageHasEveryWordOfTheFallback() throws IOException {
        Properties fallback = load(MESSAGES.resolve("followup_" + FollowUpEmail.FALLBACK_LANGUAGE + ".properties"));
        List<Path> languages;
        try (Stream<Path> files = Files.list(MESSAGES)) {
            languages = files.filter(f -> f.getFileName().toString().startsWith("followup_")).toList();
        }

        assertThat(languages).hasSizeGreaterThanOrEqualTo(6);
        assertThat(fallback.stringPropertyNames()).containsExactlyInAnyOrder("subject", "title", "greeting", "intro",
                "care", "closing", "team");
        for (Path language : languages) {
            Properties words = load(language);
            assertThat(words.stringPropertyNames()).as(language.toString())
                    .isEqualTo(fallback.stringPropertyNames());
            assertThat(words.values()).as(language.toString()).allMatch(w -> !w.toString().isBlank());
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
