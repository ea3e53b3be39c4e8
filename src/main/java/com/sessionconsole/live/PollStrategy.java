package com.sessionconsole.live;

import com.sessionconsole.domain.Narrowing;
import com.sessionconsole.domain.ReplicaLag;

import java.util.Optional;

/** How one poll tick finds out what changed. Swappable, so that the algorithm can change without the UI noticing. */
public interface PollStrategy {

    /** Reads the database and returns the changes since the previous successful call (everything, the first time). */
    SessionDelta poll();

    /** Forgets what was seen, so that the next poll is a full load. */
    void reset();

    /** From the next poll on, follows only this part of the active set (the next poll is a full load). */
    void narrow(Narrowing narrowing);

    /** How far the read replica is behind the primary; empty without a replica. */
    Optional<ReplicaLag> replicaLag();
}
