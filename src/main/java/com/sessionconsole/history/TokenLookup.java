package com.sessionconsole.history;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.Session;
import com.sessionconsole.domain.TokenFingerprint;

import java.util.List;

/**
 * "Find by token": the analyst pastes a token, the server compares it with a bound parameter, and
 * only its fingerprint is ever echoed back.
 */
public final class TokenLookup {
    private final SessionDao dao;

    public TokenLookup(SessionDao dao) {
        this.dao = dao;
    }

    public record Result(String fingerprint, List<Session> sessions) {
        public String describe() {
            if (sessions.isEmpty()) {
                return "no session has the token " + fingerprint;
            }
            Session s = sessions.get(0);
            return "token " + fingerprint + " belongs to session " + s.id() + " of user " + s.userId();
        }
    }

    public Result find(String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("paste a session token to look it up");
        }
        if (t.length() > 255) {
            throw new IllegalArgumentException("a session token is at most 255 characters; this one has " + t.length());
        }
        return new Result(TokenFingerprint.of(t), dao.sessionsByToken(t));
    }
}
