package io.servicerecovery.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Whole-number query parameters ({@code limit}) that are not whole numbers are the client's mistake: a 400
 * naming the parameter. JAX-RS would answer 404, as if the path did not exist.
 */
@Provider
public class WholeNumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Integer.class) {
            return null;
        }
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        if (name == null) {
            return null;
        }
        String parameter = name;
        return (ParamConverter<T>) new ParamConverter<Integer>() {
            @Override
            public Integer fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return Integer.valueOf(value.strip());
                } catch (NumberFormatException e) {
                    // A WebApplicationException, so that JAX-RS passes it on instead of answering 404.
                    throw new BadRequestException(ProblemMappers.respond(
                            DomainException.invalid(parameter, "must be a whole number"), null));
                }
            }

            @Override
            public String toString(Integer value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
