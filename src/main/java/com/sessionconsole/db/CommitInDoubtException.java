package com.sessionconsole.db;

/**
 * The connection dropped while COMMIT was on its way: the revoke may or may not have happened. Only a
 * fresh read of the confirmed ids on the primary can tell.
 */
public final class CommitInDoubtException extends DatabaseException {
    CommitInDoubtException(String message, Throwable cause) {
        super(Kind.UNREACHABLE, message, cause);
    }
}
