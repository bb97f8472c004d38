package io.servicerecovery.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.servicerecovery.common.SingleLine;

public record CancelRequest(@NotBlank @Size(max = 2000) @SingleLine String reason) {
}
