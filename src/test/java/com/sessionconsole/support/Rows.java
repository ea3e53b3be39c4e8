package com.sessionconsole.support;

import com.sessionconsole.domain.NewSession;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds hand-made rows for tests, with defaults for everything a test does not care about. */
public final class Rows {
    private static final AtomicLong SEQ = new AtomicLong();

    private Rows() {
    }

    public static Builder active(UUID user, Instant now) {
        return new Builder(user, now);
    }

    public static final class Builder {
        private final UUID user;
        private final Instant now;
        UUID id = UUID.randomUUID();
        String token = "tok-" + UUID.randomUUID() + "-" + SEQ.incrementAndGet();
        Instant expires;
        Boolean active = true;
        String device = "dev-1";
        String ip = "10.0.0.1";
        String agent = "Mozilla/5.0";
        String location = "Berlin, DE";
        Integer trust = 50;
        Instant created;
        Instant deleted;

        Builder(UUID user, Instant now) {
            this.user = user;
            this.now = now;
            this.expires = now.plusSeconds(3600);
            this.created = now.minusSeconds(600);
        }

        public Builder id(UUID v) { id = v; return this; }
        public Builder token(String v) { token = v; return this; }
        public Builder expires(Instant v) { expires = v; return this; }
        public Builder isActive(Boolean v) { active = v; return this; }
        public Builder device(String v) { device = v; return this; }
        public Builder ip(String v) { ip = v; return this; }
        public Builder agent(String v) { agent = v; return this; }
        public Builder location(String v) { location = v; return this; }
        public Builder trust(Integer v) { trust = v; return this; }
        public Builder created(Instant v) { created = v; return this; }
        public Builder deleted(Instant v) { deleted = v; return this; }

        public NewSession build() {
            return new NewSession(id, user, token, expires, active, device, ip, agent, location, trust, created, created, deleted);
        }
    }
}
