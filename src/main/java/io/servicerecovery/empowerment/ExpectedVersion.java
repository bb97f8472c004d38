package io.servicerecovery.empowerment;

import java.util.List;
import java.util.stream.Stream;

import io.servicerecovery.common.DomainException;

/**
 * The version a manager read and means to change: the ETags they sent back, or any version that exists. A change
 * applies only while one of them is current; otherwise someone else saved meanwhile.
 */
public record ExpectedVersion(boolean anyExisting, List<String> etags) {

    /**
     * The versions an If-Match header (or the console form's copy of it) names: strong or weak tags, a list, or
     * {@code *}. Without one, nothing may be changed: a write that names no version could overwrite unseen.
     */
    public static ExpectedVersion fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException.VersionRequired(
                    "Send If-Match with the ETag you read, so that you do not overwrite someone else's change.");
        }
        return new ExpectedVersion(ifMatch.strip().equals("*"), Stream.of(ifMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).toList());
    }

    boolean matches(long version) {
        return anyExisting && version > 0 || etags.contains(EmpowermentAdmin.etagOf(version));
    }
}
