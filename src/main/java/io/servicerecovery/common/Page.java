package io.servicerecovery.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list: the items and, when there is more, the opaque cursor of the next page. */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
