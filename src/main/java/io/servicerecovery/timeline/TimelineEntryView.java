package io.servicerecovery.timeline;

import java.time.Instant;
import java.util.Map;

public record TimelineEntryView(Instant at, TimelineKind kind, String actor, String summary, Map<String, Object> details) {
}
