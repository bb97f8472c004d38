package io.servicerecovery.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.security.session.NextPage;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * A post the console refused before it ran: its CSRF token was not this session's (a page of an earlier sign-in),
 * or its session had ended. The person loses nothing: the answer shows what they wrote, in their language, and a
 * way on. Nothing of it is kept on the server or put in a URL: the typed text only goes back to the browser that
 * sent it, in this answer.
 * <ul>
 * <li>{@link Why#OUT_OF_DATE}: the session is good, the page was not. The same form again, its fields as sent and
 * this session's token, with <b>Send again</b> (to the same address, so the page's own rules decide).</li>
 * <li>{@link Why#SIGNED_OUT}: no session. The text to copy, <b>Sign in again</b> in a new tab, and <b>Send
 * again</b> here afterwards (which comes back as OUT_OF_DATE, now with the new session's token).</li>
 * <li>{@link Why#FOREIGN}: the post came from another site, or was no form: nothing is shown again, so another
 * site cannot put words on a console page for a person to send.</li>
 * </ul>
 * From htmx the same words come as a fragment with {@code role=alert}, answered 200 because htmx swaps only
 * successful answers, and put just before the part that asked ({@code HX-Reswap: beforebegin}) rather than in
 * its place, so that a form being filled in stays as it is; an out-of-date page's fragment carries the session's token, which {@code forms.js} gives
 * the page's forms and htmx requests, so the page goes on without a reload.
 */
public final class RefusedPost {

    public enum Why {
        OUT_OF_DATE, SIGNED_OUT, FOREIGN
    }

    /** A field as sent; {@code shown} when a person writes in it, so that it is shown again with its label. */
    public record Field(String name, String value, boolean shown) {

        /** A text area tall enough for a short text at a glance. */
        public int rows() {
            return Math.min(12, 2 + value.length() / 60);
        }
    }

    /** The fields people write in (labels: {@code FormField.<name>}); every other field goes back hidden as sent. */
    static final Set<String> WRITTEN = Set.of("statement", "message", "reason", "note", "amount", "displayName",
            "signature");

    private RefusedPost() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String lang, String why, String action, List<Field> fields,
                String csrfField, String csrfToken, String back, boolean htmx);
    }

    /** The form's fields in the order sent, without its (refused) token. */
    public static List<Field> fieldsOf(MultiMap form) {
        List<Field> fields = new ArrayList<>();
        if (form != null) {
            for (Map.Entry<String, String> entry : form.entries()) {
                if (!entry.getKey().equals(ConsoleCsrf.FIELD)) {
                    fields.add(new Field(entry.getKey(), entry.getValue(), WRITTEN.contains(entry.getKey())));
                }
            }
        }
        return fields;
    }

    /** True when the person wrote something that a plain redirect would lose. */
    public static boolean anythingWritten(List<Field> fields) {
        return fields.stream().anyMatch(field -> field.shown() && !field.value().isBlank());
    }

    /**
     * The answer. A full page is 403 (out of date, foreign) or 401 (signed out); a fragment for htmx is 200.
     * {@code csrfToken} is this session's token, "" without a session.
     */
    public static Response answer(Why why, HttpServerRequest request, List<Field> fields, String csrfToken) {
        boolean htmx = request.getHeader("HX-Request") != null;
        boolean foreign = why == Why.FOREIGN || SignInPage.crossSite(request);
        Why shown = foreign ? Why.FOREIGN : why;
        Locale locale = ConsoleRequest.localeOf(request.getHeader("Accept-Language"));
        String page = Templates.refused(locale.getLanguage(), shown.name(), request.path(),
                foreign ? List.of() : fields, ConsoleCsrf.FIELD, foreign ? "" : csrfToken,
                backTo(request.getHeader("Referer")), htmx).setLocale(locale).render();
        if (htmx) {
            // Beside the part that asked, not in its place: a form or a text under the person's hands stays.
            return Response.ok(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("HX-Reswap", "beforebegin").build();
        }
        return Response.status(shown == Why.SIGNED_OUT ? 401 : 403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page).build();
    }

    /** The console page the form was on (the Referer's path, a console page only), else the start page. */
    static String backTo(String referer) {
        if (referer == null) {
            return "/console";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String page = NextPage.of(path);
            return page == null ? "/console" : page;
        } catch (IllegalArgumentException malformed) {
            return "/console";
        }
    }

    /** True for a plain form post, whose fields can be read and shown again. */
    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(MediaType.valueOf(contentType.strip()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /**
     * The form's fields, read before any resource: Vert.x keeps them for RESTEasy's own form reading. (This is how
     * quarkus-rest-csrf reads them too.) A body already read answers the fields read then.
     */
    static Uni<MultiMap> formOf(HttpServerRequest request) {
        if (request.isEnded()) {
            return Uni.createFrom().item(request.formAttributes());
        }
        request.setExpectMultipart(true);
        return Uni.createFrom().emitter((Consumer<UniEmitter<? super MultiMap>>) emitter -> {
            request.endHandler(ended -> emitter.complete(request.formAttributes()));
            request.exceptionHandler(emitter::fail);
            request.resume();
        });
    }
}
