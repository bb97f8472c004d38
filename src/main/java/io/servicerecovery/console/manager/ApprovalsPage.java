package io.servicerecovery.console.manager;

import static io.servicerecovery.console.FormValues.blankToNull;
import static io.servicerecovery.console.FormValues.choice;
import static io.servicerecovery.console.FormValues.decimal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.servicerecovery.common.DomainException;
import io.servicerecovery.compensation.ApprovalRequest;
import io.servicerecovery.compensation.ApprovalRequest.Decision;
import io.servicerecovery.compensation.ProposalOutcome;
import io.servicerecovery.console.ConsoleRedirect;
import io.servicerecovery.console.ConsoleRefusals;
import io.servicerecovery.console.ConsoleRequest;
import io.servicerecovery.console.FormValues;
import io.servicerecovery.console.PageFrame;
import io.servicerecovery.security.CurrentUser;
import io.servicerecovery.workflow.tasks.StepResult;
import io.servicerecovery.workflow.tasks.TaskCompletions;

/**
 * The approvals queue: what waits for the manager's level, oldest first, each with the
 * case's story, the agent's reason and the time left before it moves up a level. The
 * manager approves, approves less, or rejects with a note, in place; the decision goes
 * through the same step handler as the API's task completion, taking the approval in the
 * same transaction.
 */
@Path("/console/approvals")
@RolesAllowed(CurrentUser.MANAGER)
@Produces(MediaType.TEXT_HTML)
public class ApprovalsPage {

    static final int SHOWN = 100;

    private final ConsoleRequest console;
    private final ApprovalCards cards;
    private final TaskCompletions completions;

    public ApprovalsPage(ConsoleRequest console, ApprovalCards cards, TaskCompletions completions) {
        this.console = console;
        this.cards = cards;
        this.completions = completions;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(PageFrame frame, List<ApprovalCard> cards, boolean more,
                String customer, DecisionTaken decision, boolean already);

        static native TemplateInstance approvals$list(PageFrame frame, List<ApprovalCard> cards, boolean more);

        static native TemplateInstance approvals$card(PageFrame frame, ApprovalCard card);

        static native TemplateInstance gone(PageFrame frame, String taskId, DecisionTaken decision);
    }

    /**
     * @param customer part of a customer's name, to find one request in a long queue
     * @param decided the case just decided here (the redirect after a decision): the page says what happened
     * @param already the case of a card that was decided before the person's decision arrived (Back, a second tab)
     */
    @GET
    public TemplateInstance queue(@QueryParam("customer") String customer, @QueryParam("decided") String decided,
            @QueryParam("already") String already) {
        DecisionTaken told = cards.decisionOn(uuidOrNull(already != null ? already : decided)).orElse(null);
        return page(customer, null, told, already != null);
    }

    /** The list alone, for the page's periodic refresh (new requests, countdowns). */
    @GET
    @Path("list")
    public TemplateInstance list(@QueryParam("customer") String customer) {
        List<ApprovalCard> queue = cards.queue(console.user(), filter(customer), SHOWN + 1);
        return console.localized(Templates.approvals$list(console.frame("approvals"), shown(queue), queue.size() > SHOWN));
    }

    /**
     * Decides one approval. From htmx the answer is the card alone (swapped in place, saying what happened);
     * from a plain form a redirect to the queue, which then says what happened (POST, redirect, GET: reloading
     * does not decide twice). A card that no longer waits (decided from another tab, or shown again by Back)
     * answers with the decision already taken instead of nothing.
     *
     * @param caseId the card's case (a hidden field), to tell what became of it once the task is gone
     */
    @POST
    @Path("{taskId}")
    public Response decide(@PathParam("taskId") String taskId, @FormParam("decision") String decision,
            @FormParam("amount") String amount, @FormParam("note") String note,
            @FormParam("caseId") String caseId, @HeaderParam("HX-Request") String htmx) {
        CurrentUser user = console.user();
        ApprovalCard card = cards.stillOpen(taskId, user).orElse(null);
        if (card == null) {
            return gone(taskId, uuidOrNull(caseId), htmx != null);
        }
        Map<String, String> typed = FormValues.typed("decision", decision, "amount", amount, "note", note);
        return ConsoleRefusals.answer(() -> {
            StepResult decided = completions.claimAndDecide(taskId, request(decision, amount, note), user);
            if (htmx == null) {
                return ConsoleRedirect.seeOther("/console/approvals?decided=" + card.caseId());
            }
            return ConsoleRefusals.shown(answered(card.decided(outcome(decided), decided.grant(), blankToNull(note)),
                    true));
        }, problem -> answered(card.refused(typed, problem), htmx != null), htmx != null);
    }

    /** The card's task is no longer this manager's to decide: say what became of it, in place or on the queue. */
    private Response gone(String taskId, java.util.UUID caseId, boolean htmx) {
        if (!htmx) {
            return ConsoleRedirect.seeOther(caseId == null ? "/console/approvals?already=" : "/console/approvals?already=" + caseId);
        }
        DecisionTaken decision = cards.decisionOn(caseId).orElse(null);
        return ConsoleRefusals.shown(console.localized(Templates.gone(console.frame("approvals"), taskId, decision)));
    }

    /** From htmx the card alone; from a plain form the whole queue with the card in it. */
    private TemplateInstance answered(ApprovalCard card, boolean htmx) {
        return htmx ? console.localized(Templates.approvals$card(console.frame("approvals"), card))
                : page(null, card, null, false);
    }

    /** The queue; a card just answered replaces its own (refused) or comes first (decided, so gone from the queue). */
    private TemplateInstance page(String customer, ApprovalCard justAnswered, DecisionTaken decision,
            boolean already) {
        List<ApprovalCard> queue = new java.util.ArrayList<>(cards.queue(console.user(), filter(customer), SHOWN + 1));
        boolean more = queue.size() > SHOWN;
        List<ApprovalCard> shown = new java.util.ArrayList<>(shown(queue));
        if (justAnswered != null) {
            int at = java.util.stream.IntStream.range(0, shown.size())
                    .filter(i -> shown.get(i).taskId().equals(justAnswered.taskId())).findFirst().orElse(-1);
            if (at >= 0) {
                shown.set(at, justAnswered);
            } else {
                shown.add(0, justAnswered);
            }
        }
        return console.localized(Templates.approvals(console.frame("approvals"), shown, more,
                customer == null ? "" : customer, decision, already));
    }

    /**
     * What the form asks, as the API's body. The rules on it (a rejection needs a note) are the domain's; a refusal
     * rolls the claim back with it, so a half-filled form takes nothing.
     */
    private static ApprovalRequest request(String decision, String amount, String note) {
        Decision chosen = choice(Decision.class, "decision", decision);
        if (chosen == null) {
            throw DomainException.invalid("decision", "choose approve or reject");
        }
        BigDecimal approved = chosen == Decision.APPROVE ? decimal("amount", amount) : null;
        return new ApprovalRequest(chosen, approved, blankToNull(note));
    }

    private static String outcome(StepResult decided) {
        if (decided.decision() == ProposalOutcome.REJECTED) {
            return "REJECTED";
        }
        return decided.grant() == null ? "APPROVED" : "GRANTED";
    }

    /** A case id from an address or a hidden field; anything else is no case (the page then says less). */
    private static java.util.UUID uuidOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String filter(String customer) {
        return customer == null || customer.isBlank() ? null : customer.strip().substring(0, Math.min(100, customer.strip().length()));
    }

    private static List<ApprovalCard> shown(List<ApprovalCard> queue) {
        return queue.size() > SHOWN ? queue.subList(0, SHOWN) : queue;
    }
}
