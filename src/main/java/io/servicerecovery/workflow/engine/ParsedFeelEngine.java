package io.servicerecovery.workflow.engine;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine for the DMN tables, parsing each expression once instead of at every evaluation.
 * <p>
 * Why: Camunda 7's {@link ScalaFeelEngine} hands the expression's text to the FEEL engine, which parses it
 * again for every cell of every evaluation. In the benchmark the parsing was most of the DMN's cost (3.1 of
 * 3.6 % of the service's CPU samples, docs/performance.md). A parsed expression is an immutable syntax tree,
 * so one can serve every evaluation on every thread. The evaluation itself, its inputs and its result are
 * exactly those of {@link ScalaFeelEngine}; the texts come from deployed decisions, so the cache holds a few
 * dozen entries and is bounded only against a long run of redeployments.
 */
public class ParsedFeelEngine extends ScalaFeelEngine {

    private static final int MAX_EXPRESSIONS = 10_000;

    private final Cache<String, ParsedExpression> expressions = Caffeine.newBuilder().maximumSize(MAX_EXPRESSIONS)
            .build();
    private final Cache<String, ParsedExpression> unaryTests = Caffeine.newBuilder().maximumSize(MAX_EXPRESSIONS)
            .build();

    ParsedFeelEngine() {
        super(List.of());
    }

    /** The DMN engine configuration of the service (and of the benchmark's bare engine) with this FEEL engine. */
    public static DefaultDmnEngineConfiguration dmnConfiguration() {
        return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(ParsedFeelEngine::new);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) valueOf(feelEngine.eval(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
            VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        var input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        var variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(ParsedFeelEngine.this.<VariableProvider>toScalaList(input, variables));
            }
        };
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context)));
    }

    /** The parsed expression; one that does not parse is not kept, and fails as Camunda's engine fails it. */
    private static ParsedExpression parsed(Cache<String, ParsedExpression> cache, String text,
            Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.getIfPresent(text);
        if (known != null) {
            return known;
        }
        ParsedExpression parsed = (ParsedExpression) valueOf(parser.apply(text));
        cache.put(text, parsed);
        return parsed;
    }

    private static Object valueOf(Either<Failure, ?> result) {
        if (result instanceof Right<?, ?> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) result).value()).message());
    }
}
