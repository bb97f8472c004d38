package io.servicerecovery.apology;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the language profiles ({@code apology/languages/<language>.json} on the classpath, UTF-8), each once.
 * Unknown fields fail loading, which catches typos; a language without a profile is English.
 */
final class LanguageProfiles {

    static final String DIRECTORY = "apology/languages/";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, LanguageProfile> LOADED = new ConcurrentHashMap<>();

    private LanguageProfiles() {
    }

    /** The profile of an ISO 639 code, or English's when there is none. */
    static LanguageProfile forLanguage(String language) {
        String known = exists(language) ? language : PhraseBook.FALLBACK;
        return LOADED.computeIfAbsent(known, LanguageProfiles::load);
    }

    static boolean exists(String language) {
        return resource(language) != null;
    }

    static String path(String language) {
        return DIRECTORY + language + ".json";
    }

    private static URL resource(String language) {
        if (language == null || !language.matches("[a-z]{2,8}")) {
            return null;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(path(language));
        return url != null ? url : LanguageProfiles.class.getClassLoader().getResource(path(language));
    }

    private static LanguageProfile load(String language) {
        URL url = resource(language);
        if (url == null) {
            throw new IllegalStateException("No language profile " + path(language) + " on the classpath");
        }
        LanguageProfile profile;
        try (InputStream in = url.openStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            profile = MAPPER.readValue(reader, LanguageProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read language profile " + url, e);
        }
        if (!language.equals(profile.language())) {
            throw new IllegalStateException(url + " declares language " + profile.language() + ", expected " + language);
        }
        if (profile.stemmer() == null || profile.suggestions() == null || profile.phrases() == null
                || profile.meaning() == null) {
            throw new IllegalStateException(url + ": stemmer, suggestions, phrases and meaning are required");
        }
        return profile;
    }
}
