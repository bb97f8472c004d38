package io.servicerecovery.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text that people write (apologies, statements, descriptions, notes): line breaks and tabs are kept, every
 * other control character (NUL, ESC, backspace ...) and unpaired surrogates are refused. Such text is shown to
 * people and stored; it is never put into a header, and it is escaped when logged (see {@link Text#forLog}).
 */
@Documented
@Constraint(validatedBy = FreeText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
    String message() default "must not contain control characters other than line breaks and tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FreeText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Text.firstUnsafe(value, true) < 0;
        }
    }
}
