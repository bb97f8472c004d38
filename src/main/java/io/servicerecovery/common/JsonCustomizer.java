package io.servicerecovery.common;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as the contract has it, and nothing looser. Every exact amount leaves the service as a decimal string
 * ("12.50") and must arrive as one. A request is one JSON document: a repeated key, anything after the
 * document, or a value of another JSON type than the field's (a number for a text or an enum, a string for a
 * whole number, a number for money) is a 400 naming the field, never silently converted. Timestamps are ISO
 * 8601 strings within {@link #EARLIEST} and {@link #LATEST}.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    /** The earliest timestamp a request may carry: nothing the service deals with happened before. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The first timestamp a request may no longer carry: far enough for any plan, near enough for every database. */
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    static final String TIMESTAMP_RULE = "must be an ISO 8601 timestamp such as 2026-11-20T10:00:00Z, from "
            + EARLIEST + " up to (not including) " + LATEST;
    static final String DECIMAL_RULE = "must be a decimal string such as \"12.50\"";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("strict-scalars").addSerializer(BigDecimal.class, new DecimalString());
        // A modifier rather than addDeserializer: the JavaTimeModule may be registered after this customizer
        // runs, and the deserializer of the module registered last would win.
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                if (description.getBeanClass() == Instant.class) {
                    return new StrictInstant();
                }
                if (description.getBeanClass() == BigDecimal.class) {
                    return new StrictDecimal();
                }
                return deserializer;
            }
        });
        mapper.registerModule(strict);
    }

    static final class DecimalString extends StdSerializer<BigDecimal> {
        DecimalString() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(value.toPlainString());
        }
    }

    /** Money and other exact amounts: a plain decimal string, never a JSON number (a float loses cents). */
    static final class StrictDecimal extends StdScalarDeserializer<BigDecimal> {
        private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

        StrictDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, BigDecimal.class, DECIMAL_RULE);
            }
            String text = p.getText();
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw InvalidFormatException.from(p, DECIMAL_RULE, text, BigDecimal.class);
            }
            return new BigDecimal(text);
        }
    }

    /** A point in time: an ISO 8601 string with an offset, within the window above. */
    static final class StrictInstant extends StdScalarDeserializer<Instant> {
        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, Instant.class, TIMESTAMP_RULE);
            }
            String text = p.getText();
            Instant instant;
            try {
                instant = text.length() > 40 ? null
                        : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                instant = null;
            }
            if (instant == null || instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
                throw InvalidFormatException.from(p, TIMESTAMP_RULE, text, Instant.class);
            }
            return instant;
        }
    }
}
