package io.servicerecovery.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person must never read on a console page: a code ({@code UPPER_SNAKE}, or an enum constant the
 * labels word, such as {@code HIGH} or {@code PHONE}), and on a page in another language an English text of
 * the console's bundles (any literal run of two or more words of an English value whose translation
 * differs). The page walker checks every page with it; the languages issue adds its bundles here.
 */
final class PageWords {

    /** The console's bundles: the English file and its translation, by base name. */
    static final List<String> BUNDLES = List.of("messages/msg", "messages/mgr", "messages/timeline", "labels/labels",
            "apology/findings/findings");

    private static final Pattern UPPER_SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private final Set<String> singleWordCodes = new LinkedHashSet<>();
    private final Set<String> englishRuns = new LinkedHashSet<>();

    PageWords(String language) {
        Properties labels = load("labels/labels_en.properties");
        for (String key : labels.stringPropertyNames()) {
            String code = key.substring(key.indexOf('.') + 1);
            if (code.matches("[A-Z]{3,}")) {
                singleWordCodes.add(code);
            }
        }
        if (!"en".equals(language)) {
            for (String bundle : BUNDLES) {
                Properties english = load(bundle + "_en.properties");
                Properties translated = load(bundle + "_" + language + ".properties");
                for (String key : english.stringPropertyNames()) {
                    String value = english.getProperty(key);
                    if (!value.equals(translated.getProperty(key))) {
                        englishRuns.addAll(literalRuns(value));
                    }
                }
            }
        }
    }

    /** What is wrong with a page's visible text, one line per finding; none on a good page. */
    List<String> problems(String visibleText) {
        List<String> problems = new ArrayList<>();
        Matcher snake = UPPER_SNAKE.matcher(visibleText);
        while (snake.find()) {
            problems.add("code " + snake.group() + " in \"" + around(visibleText, snake.start()) + "\"");
        }
        for (String code : singleWordCodes) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\d])" + code + "(?![\\p{L}\\d])").matcher(visibleText);
            if (m.find()) {
                problems.add("code " + code + " in \"" + around(visibleText, m.start()) + "\"");
            }
        }
        for (String run : englishRuns) {
            int at = visibleText.indexOf(run);
            if (at >= 0) {
                problems.add("English \"" + run + "\" in \"" + around(visibleText, at) + "\"");
            }
        }
        return problems;
    }

    /**
     * The literal text of a bundle value between its Qute expressions ({@code {name}}, {@code {#when ...}}),
     * trimmed of punctuation: the runs of two or more words a page shows verbatim.
     */
    static List<String> literalRuns(String value) {
        List<String> runs = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int depth = 0;
        for (char ch : value.toCharArray()) {
            if (ch == '{') {
                if (depth++ == 0) {
                    addRun(runs, literal);
                }
            } else if (ch == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                literal.append(ch);
            }
        }
        addRun(runs, literal);
        return runs;
    }

    private static void addRun(List<String> runs, StringBuilder literal) {
        String run = literal.toString().replaceAll("^[\\s\\p{Punct}“”‘’–—…·]+|[\\s\\p{Punct}“”‘’–—…·]+$", "").strip();
        literal.setLength(0);
        if (run.split("\\s+").length >= 2 && run.matches(".*\\p{L}{2,}.*\\s.*\\p{L}{2,}.*")) {
            runs.add(run);
        }
    }

    private static String around(String text, int at) {
        int from = Math.max(0, at - 30);
        int to = Math.min(text.length(), at + 50);
        return text.substring(from, to).replaceAll("\\s+", " ");
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = PageWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return properties;
    }
}
