package io.servicerecovery.workflow.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.Dependent;

import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;

/**
 * Resolves {@code ${name}} in the BPMN to the CDI bean {@code @Named("name")}, the way
 * {@code camunda:delegateExpression="${sendApologyEmailDelegate}"} expects. A
 * {@code @Dependent} bean is created anew for each evaluation, as a delegate is meant to be;
 * our delegates hold nothing that would need destroying.
 */
class NamedBeanElResolver extends ELResolver {

    private final Map<String, Optional<Supplier<Object>>> beans = new ConcurrentHashMap<>();

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null || !(property instanceof String name)) {
            return null;
        }
        Optional<Supplier<Object>> bean = beans.computeIfAbsent(name, NamedBeanElResolver::lookup);
        if (bean.isEmpty()) {
            return null;
        }
        context.setPropertyResolved(true);
        return bean.get().get();
    }

    private static Optional<Supplier<Object>> lookup(String name) {
        var container = Arc.container();
        @SuppressWarnings("unchecked")
        InjectableBean<Object> bean = (InjectableBean<Object>) container.namedBean(name);
        if (bean == null) {
            return Optional.empty();
        }
        if (bean.getScope() == Dependent.class) {
            return Optional.of(() -> container.instance(bean).get());
        }
        Object proxy = container.instance(bean).get();
        return Optional.of(() -> proxy);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // beans are read, never assigned, from a model
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? Object.class : null;
    }
}
