package io.servicerecovery.empowerment;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;

/** What one level may grant on its own. */
public record Limits(Level level, boolean unlimited, int maxDiscountPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Map<String, BigDecimal> maxCreditPerCase) {

    public boolean coversCredit(BigDecimal amount, String currency) {
        if (unlimited) {
            return true;
        }
        BigDecimal cap = maxCreditPerCase.get(currency);
        return cap != null && amount.compareTo(cap) <= 0;
    }

    public boolean coversDiscount(BigDecimal percent) {
        return unlimited || percent.compareTo(BigDecimal.valueOf(maxDiscountPercent)) <= 0;
    }
}
