package io.servicerecovery.workflow.tasks;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;
import io.servicerecovery.workflow.RecoveryStep;

/**
 * The one list of the human steps' handlers, keyed by the step. The API's completion reads a body by it, the
 * console's forms complete through it, and the OpenAPI document's {@code oneOf} of completion bodies is built from
 * it ({@link StepBodiesInOpenApi}), so a new step is its handler plus one line here. The table is static because
 * the OpenAPI document is built before any bean exists; each handler's body type comes from its own
 * {@code StepHandler<Body, Result>} declaration, so it is written nowhere else.
 */
@ApplicationScoped
public class StepHandlers {

    /** In the order the API documents the bodies (the process order). */
    private static final Map<RecoveryStep, Class<? extends StepHandler<?, ?>>> BY_STEP = byStep();

    private final Map<RecoveryStep, Registered<?, ?>> registered = new EnumMap<>(RecoveryStep.class);

    public StepHandlers(@All List<StepHandler<?, ?>> beans) {
        BY_STEP.forEach((step, type) -> {
            StepHandler<?, ?> bean = beans.stream().filter(type::isInstance).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No bean for the " + step + " handler " + type));
            registered.put(step, Registered.of(bean, bodyOf(type)));
        });
        // A handler the table does not list would never run: say so at start-up rather than leave it unused.
        beans.stream().filter(bean -> BY_STEP.values().stream().noneMatch(type -> type.isInstance(bean)))
                .findAny().ifPresent(bean -> {
                    throw new IllegalStateException("StepHandlers lists no step for " + bean.getClass());
                });
    }

    /** The handler of a step, with the body type it takes. */
    public Registered<?, ?> of(RecoveryStep step) {
        return registered.get(step);
    }

    /** Every step's completion body, in process order: what the API's completion accepts. */
    public static List<Class<?>> bodies() {
        return BY_STEP.values().stream().<Class<?>>map(StepHandlers::bodyOf).toList();
    }

    /** A handler with its body type, so a caller can hand it a body it read or built and keep the types straight. */
    public record Registered<B, R extends StepResult>(StepHandler<B, R> handler, Class<B> bodyType) {

        @SuppressWarnings("unchecked")
        static <B, R extends StepResult> Registered<B, R> of(StepHandler<?, ?> handler, Class<?> bodyType) {
            return new Registered<>((StepHandler<B, R>) handler, (Class<B>) bodyType);
        }

        StepHandler.Outcome<R> decide(OpenTask task, Object body, io.servicerecovery.security.CurrentUser user) {
            return handler.decide(task, bodyType.cast(body), user);
        }
    }

    private static Map<RecoveryStep, Class<? extends StepHandler<?, ?>>> byStep() {
        Map<RecoveryStep, Class<? extends StepHandler<?, ?>>> table = new EnumMap<>(RecoveryStep.class);
        table.put(RecoveryStep.ACCOUNTABILITY, AccountabilityStep.class);
        table.put(RecoveryStep.APOLOGY, ApologyStep.class);
        table.put(RecoveryStep.COMPENSATION, ProposalStep.class);
        table.put(RecoveryStep.APPROVAL, ApprovalStep.class);
        if (table.size() != RecoveryStep.values().length) {
            throw new IllegalStateException("Every human step needs a handler: " + table.keySet());
        }
        return Collections.unmodifiableMap(table);
    }

    /** The {@code B} of {@code implements StepHandler<B, R>}: the handler's own declaration of its body. */
    static Class<?> bodyOf(Class<?> handler) {
        for (Type declared : handler.getGenericInterfaces()) {
            if (declared instanceof ParameterizedType type && type.getRawType() == StepHandler.class
                    && type.getActualTypeArguments()[0] instanceof Class<?> body) {
                return body;
            }
        }
        throw new IllegalStateException(handler + " does not declare StepHandler<Body, Result> with a body class");
    }
}
