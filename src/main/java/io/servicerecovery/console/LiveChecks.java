package io.servicerecovery.console;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.apology.ApologyReview;
import io.servicerecovery.apology.Finding;
import io.servicerecovery.cases.CaseService;
import io.servicerecovery.cases.CaseView;
import io.servicerecovery.empowerment.EffectiveLimits;
import io.servicerecovery.empowerment.EmpowermentService;
import io.servicerecovery.empowerment.EmpowermentService.Ask;
import io.servicerecovery.notify.ApologyFollowUp;
import io.servicerecovery.security.CurrentUser;

/**
 * What the case page asks while the agent types (htmx, debounced): the blame check of the
 * accountability statement, the apology checks with the email as the customer will get it,
 * and whether a compensation would be granted at once or go for approval. Each answers a
 * fragment of the case page, except the email preview, which answers the email itself; nothing is saved.
 */
@Path("/console/cases/{caseId}/live")
@RolesAllowed({ CurrentUser.AGENT, CurrentUser.MANAGER })
@Produces(MediaType.TEXT_HTML)
public class LiveChecks {

    /** Below this many characters a draft is not worth checking yet. */
    static final int MIN_CHARS = 12;

    private final ConsoleRequest console;
    private final ApologyReview review;
    private final ApologyFollowUp followUp;
    private final EmpowermentService empowerment;
    private final CaseService cases;

    public LiveChecks(ConsoleRequest console, ApologyReview review, ApologyFollowUp followUp,
            EmpowermentService empowerment, CaseService cases) {
        this.console = console;
        this.review = review;
        this.followUp = followUp;
        this.empowerment = empowerment;
        this.cases = cases;
    }

    @CheckedTemplate
    static class Templates {
        /** @param findings null while the draft is too short to check */
        static native TemplateInstance statementChecks(List<Finding> findings);

        /** @param draft the apology checked, which the fragment's preview form posts to the email preview */
        static native TemplateInstance apologyChecks(List<Finding> findings, ApologyFollowUp.Preview preview,
                UUID caseId, String draft, String csrfToken);

        /** @param outcome WITHIN, the approving level, or empty while the form is incomplete */
        static native TemplateInstance outcome(String outcome);
    }

    @POST
    @Path("statement")
    public TemplateInstance statement(@PathParam("caseId") UUID caseId, @FormParam("statement") String statement) {
        List<Finding> findings = ready(statement) ? review.reviewStatement(caseId, statement) : null;
        return console.localized(Templates.statementChecks(findings));
    }

    @POST
    @Path("apology")
    public TemplateInstance apology(@PathParam("caseId") UUID caseId, @FormParam("message") String message) {
        List<Finding> findings = ready(message) ? review.reviewApology(caseId, message) : null;
        ApologyFollowUp.Preview preview = followUp.preview(caseId, message, console.user().id());
        return console.localized(Templates.apologyChecks(findings, preview, caseId, message == null ? "" : message,
                console.csrfToken()));
    }

    /**
     * The email of a draft apology as the customer will get it (the same rendering as the live check's subject
     * and text), for the sandboxed frame of the apology editor (email-preview.js posts the draft here). It has
     * its own policy: the email's inline styles apply and nothing runs. A POST, so that the draft (personal
     * data) never stands in a URL, and nothing stored, so that any replica answers.
     */
    @POST
    @Path("preview")
    public Response preview(@PathParam("caseId") UUID caseId, @FormParam("message") String message) {
        String html = followUp.preview(caseId, message, console.user().id()).email().html();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(ConsoleHeaders.CONTENT_SECURITY_POLICY, ConsoleHeaders.EMAIL_PREVIEW_POLICY)
                .header(ConsoleHeaders.FRAME_OPTIONS, "SAMEORIGIN")
                .build();
    }

    /** Within the agent's limits (granted at once) or not (and which level approves). */
    @POST
    @Path("outcome")
    public TemplateInstance outcome(@PathParam("caseId") UUID caseId, @FormParam("type") String type,
            @FormParam("amount") String amount, @FormParam("currency") String currency) {
        return console.localized(Templates.outcome(outcomeOf(caseId, type, amount, currency)));
    }

    String outcomeOf(UUID caseId, String type, String amount, String currency) {
        BigDecimal value;
        Ask.Kind kind;
        try {
            kind = Ask.Kind.valueOf(type);
            value = kind == Ask.Kind.NONE ? BigDecimal.ZERO : new BigDecimal(amount.strip().replace(',', '.'));
        } catch (RuntimeException incomplete) {
            return "";
        }
        if (kind == Ask.Kind.NONE) {
            return "WITHIN";
        }
        // As the proposal decides: a discount by the limits in the order's currency (it has none of its own,
        // and the form sends none), a credit by the limits in its own.
        String asked = kind == Ask.Kind.DISCOUNT_PERCENT ? orderCurrency(caseId)
                : currency == null || currency.isBlank() ? null : currency.strip();
        String cur = empowerment.currencyFor(asked);
        EffectiveLimits limits = empowerment.effectiveLimits(console.user().id(), cur).orElse(null);
        boolean within = limits != null && (kind == Ask.Kind.CREDIT ? limits.coversCredit(value) : limits.coversDiscount(value));
        return within ? "WITHIN" : empowerment.lowestApproverFor(new Ask(kind, value, cur)).name();
    }

    private String orderCurrency(UUID caseId) {
        CaseView view = cases.get(caseId, CaseService.Viewer.staff(console.user().id()));
        return view.orderValue() == null ? null : view.orderValue().currency();
    }

    private static boolean ready(String text) {
        return text != null && text.strip().length() >= MIN_CHARS;
    }
}
