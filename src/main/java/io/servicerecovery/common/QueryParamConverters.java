package io.servicerecovery.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Query parameters typed as an enum or a UUID, for every resource: a blank value is no
 * filter, a wrong one is a 400 problem that names the parameter (and the allowed values)
 * instead of the 404 that JAX-RS answers for a query parameter it cannot convert.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = Arrays.stream(annotations).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value())
                .findFirst().orElse(null);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(name, rawType);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new UuidConverter(name);
        }
        return null;
    }

    private record EnumConverter<E extends Enum<E>>(String name, Class<E> type) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new BadQueryParam(DomainException.invalid(name,
                        "must be one of " + Arrays.toString(type.getEnumConstants())));
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    private record UuidConverter(String name) implements ParamConverter<UUID> {
        @Override
        public UUID fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new BadQueryParam(DomainException.invalid(name, "must be a UUID"));
            }
        }

        @Override
        public String toString(UUID value) {
            return value == null ? null : value.toString();
        }
    }

    /** A query parameter that could not be converted; JAX-RS passes a WebApplicationException through as it is. */
    public static final class BadQueryParam extends WebApplicationException {
        final DomainException.Invalid problem;

        BadQueryParam(DomainException.Invalid problem) {
            super(problem.getMessage(), ProblemMappers.statusOf(problem));
            this.problem = problem;
        }
    }
}
