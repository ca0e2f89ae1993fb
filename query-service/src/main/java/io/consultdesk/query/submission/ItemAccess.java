package io.consultdesk.query.submission;

import com.mongodb.client.model.Filters;
import io.consultdesk.security.Caller;
import io.consultdesk.security.Roles;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Which items a caller may see, as a query filter (so that lists never contain what the caller may not
 * see): everything for supervisors, auditors, clerks and administrators; for an official, the items their
 * bureau leads or co-handles.
 */
public final class ItemAccess {

    private ItemAccess() {
    }

    public static Bson filterFor(Caller caller) {
        if (caller.seesAllItems()) {
            return Filters.empty();
        }
        if (caller.hasRole(Roles.OFFICIAL) && !caller.bureau().isEmpty()) {
            return Filters.eq("bureaus", caller.bureau());
        }
        return Filters.eq("_id", new ObjectId()); // matches nothing
    }
}
