package com.sessionconsole.audit;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One line of the audit log as the console writes it, in the log's own field names, so that logs written
 * before these types existed read the same ({@link AuditRecord} reads both). {@link AuditLog} adds "prev".
 */
public sealed interface AuditLine {

    String RECORD_INTENT = "intent";
    String RECORD_OUTCOME = "outcome";

    /** Before the UPDATE: who revokes what, and why. */
    @JsonPropertyOrder({"record", "revoke_id", "time", "os_user", "db_user", "server", "source", "criteria", "sessions", "reason"})
    record Intent(@JsonProperty("revoke_id") String revokeId, Instant time, @JsonProperty("os_user") String osUser,
                  @JsonProperty("db_user") String dbUser, String server, String source, Criteria criteria, List<ConfirmedSession> sessions,
                  String reason) implements AuditLine {
        @JsonProperty("record")
        String record() {
            return RECORD_INTENT;
        }
    }

    /** What a revoke targeted: every active session of a key ({"ip": key}, the key may be null), and the confirmed ids. */
    record Criteria(@JsonIgnore String dimension, @JsonIgnore String key, List<String> ids) {
        @JsonAnyGetter
        Map<String, Object> byKey() {
            return dimension == null ? Map.of() : Collections.singletonMap(dimension, key);
        }
    }

    /** A confirmed session, so that the Audit view can say whose it was; the token only masked. */
    @JsonPropertyOrder({"id", "user_id", "device_id", "ip_address", "token_masked"})
    record ConfirmedSession(String id, @JsonProperty("user_id") String userId, @JsonProperty("device_id") String deviceId,
                            @JsonProperty("ip_address") String ipAddress, @JsonProperty("token_masked") String tokenMasked) {
    }

    /** After the commit. {@code walPosition} lets a later console hide these until a replica has replayed them. */
    @JsonPropertyOrder({"record", "revoke_id", "time", "status", "revoked", "already_inactive", "not_found", "still_active",
            "not_changed_by_server", "appeared_after_not_revoked", "wal_position"})
    record Committed(@JsonProperty("revoke_id") String revokeId, Instant time, String status, List<String> revoked,
                     @JsonProperty("already_inactive") List<String> alreadyInactive, @JsonProperty("not_found") List<String> notFound,
                     @JsonProperty("still_active") List<String> stillActive,
                     @JsonProperty("not_changed_by_server") List<String> notChangedByServer,
                     @JsonProperty("appeared_after_not_revoked") List<String> appearedAfterNotRevoked,
                     @JsonProperty("wal_position") @JsonInclude(JsonInclude.Include.NON_NULL) String walPosition) implements AuditLine {
        @JsonProperty("record")
        String record() {
            return RECORD_OUTCOME;
        }
    }

    /** The connection dropped during COMMIT, and reading the ids again on the primary told what happened. */
    @JsonPropertyOrder({"record", "revoke_id", "time", "status", "inactive_now", "still_active", "not_found"})
    record InDoubtResolved(@JsonProperty("revoke_id") String revokeId, Instant time, String status,
                           @JsonProperty("inactive_now") List<String> inactiveNow, @JsonProperty("still_active") List<String> stillActive,
                           @JsonProperty("not_found") List<String> notFound) implements AuditLine {
        @JsonProperty("record")
        String record() {
            return RECORD_OUTCOME;
        }
    }

    /** The connection dropped during COMMIT, and the primary never said what happened: the analyst must check these ids. */
    @JsonPropertyOrder({"record", "revoke_id", "time", "status", "check_ids"})
    record InDoubtUnresolved(@JsonProperty("revoke_id") String revokeId, Instant time, String status,
                             @JsonProperty("check_ids") List<String> checkIds) implements AuditLine {
        @JsonProperty("record")
        String record() {
            return RECORD_OUTCOME;
        }
    }

    /** The UPDATE failed: nothing committed. */
    @JsonPropertyOrder({"record", "revoke_id", "time", "status", "error"})
    record Failed(@JsonProperty("revoke_id") String revokeId, Instant time, String status, String error) implements AuditLine {
        @JsonProperty("record")
        String record() {
            return RECORD_OUTCOME;
        }
    }
}
