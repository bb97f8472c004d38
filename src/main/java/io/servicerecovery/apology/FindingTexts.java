package io.servicerecovery.apology;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The words of the findings in one language: {@code apology/findings/findings_<language>.properties}, one Qute
 * text per {@link FindingCode}, rendered with the finding's {@link Finding.Arguments} (a code the language lacks
 * falls back to English, as the console's bundles do). A language is one more file; the API speaks English, the
 * console the page's language.
 * <p>
 * A plain Qute engine, not a CDI message bundle: the checks run without a container (the corpus and unit tests),
 * and their findings must read the same there.
 */
public final class FindingTexts {

    static final String ENGLISH = "en";
    private static final String BUNDLE = "apology/findings/findings_%s.properties";

    private static final Engine ENGINE = Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver()).build();
    private static final Map<String, FindingTexts> LANGUAGES = new ConcurrentHashMap<>();

    private final String language;
    private final Map<FindingCode, Template> texts;

    private FindingTexts(String language, Map<FindingCode, Template> texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The API's language. */
    public static FindingTexts english() {
        return in(ENGLISH);
    }

    /** The texts of {@code locale}'s language; English when there is no bundle for it. */
    public static FindingTexts in(Locale locale) {
        return in(locale == null ? ENGLISH : locale.getLanguage());
    }

    static FindingTexts in(String language) {
        return LANGUAGES.computeIfAbsent(language, FindingTexts::load);
    }

    public String language() {
        return language;
    }

    /** Whether this language's own bundle has a text for {@code code} (not the English fallback). */
    public boolean has(FindingCode code) {
        return ownTexts(language).containsKey(code.name());
    }

    /** What the agent should change, in this language. */
    public String message(Finding finding) {
        TemplateInstance text = texts.get(finding.code()).instance();
        Finding.Arguments arguments = finding.arguments();
        for (RecordComponent component : arguments.getClass().getRecordComponents()) {
            text.data(component.getName(), value(component, arguments));
        }
        return text.render();
    }

    private static Object value(RecordComponent component, Finding.Arguments arguments) {
        try {
            Object value = component.getAccessor().invoke(arguments);
            // the texts compare enums with their names: {#is 'DISOWNED'}
            return value instanceof Enum<?> e ? e.name() : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component, e);
        }
    }

    /** The finding as the API shows it: the code and its text in this language. */
    public FindingMessage view(Finding finding) {
        return new FindingMessage(finding.code().name(), message(finding), finding.blocking(), finding.sentence(),
                finding.suggestion());
    }

    private static FindingTexts load(String language) {
        Properties own = ownTexts(language);
        Properties english = ownTexts(ENGLISH);
        Map<FindingCode, Template> texts = new EnumMap<>(FindingCode.class);
        for (FindingCode code : FindingCode.values()) {
            String text = own.getProperty(code.name(), english.getProperty(code.name()));
            if (text == null) {
                throw new IllegalStateException("No English text for the finding " + code);
            }
            texts.put(code, ENGINE.parse(text));
        }
        return new FindingTexts(own.isEmpty() ? ENGLISH : language, Map.copyOf(texts));
    }

    private static Properties ownTexts(String language) {
        Properties texts = new Properties();
        String path = BUNDLE.formatted(language);
        try (InputStream in = FindingTexts.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
        return texts;
    }
}
