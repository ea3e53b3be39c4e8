package com.sessionconsole.workspace;

import com.sessionconsole.audit.AuditLog;
import com.sessionconsole.revoke.RevocationService;

import com.sessionconsole.db.SessionDao;
import com.sessionconsole.domain.IntelFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One open connection and the services over it. Closing it closes the pools (and the demo server). */
public final class Workspace implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Workspace.class);

    private final SessionDao dao;
    private final RevocationService revocation;
    private final AuditLog audit;
    private final String label;
    private final boolean demo;
    private final List<AutoCloseable> resources;
    private final double replicaLagWarnSeconds;

    public Workspace(SessionDao dao, RevocationService revocation, AuditLog audit, String label, boolean demo,
                     double replicaLagWarnSeconds, List<AutoCloseable> resources) {
        this.replicaLagWarnSeconds = replicaLagWarnSeconds;
        this.dao = dao;
        this.revocation = revocation;
        this.audit = audit;
        this.label = label;
        this.demo = demo;
        this.resources = new ArrayList<>(resources);
    }

    public SessionDao dao() {
        return dao;
    }

    public RevocationService revocation() {
        return revocation;
    }

    public AuditLog audit() {
        return audit;
    }

    /** "demo", or user@host:port/database. */
    public String label() {
        return label;
    }

    public boolean demo() {
        return demo;
    }

    /** Where the findings' triage of this database is kept, and the analyst's network lists from the config file. */
    public record FindingFiles(Path triage, IntelFiles intel) {
    }

    private FindingFiles findingFiles;

    /** Set once by the factory that opened the workspace. */
    void useFindingFiles(FindingFiles files) {
        this.findingFiles = files;
    }

    /** Null for a workspace opened without a data folder (tests that build one by hand). */
    public FindingFiles findingFiles() {
        return findingFiles;
    }

    /** Closed with the workspace, before what was opened with it. */
    public void closeAlso(AutoCloseable resource) {
        resources.add(resource);
    }

    /** Above this many seconds behind the primary, the replica's lag is a warning. */
    public double replicaLagWarnSeconds() {
        return replicaLagWarnSeconds;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
    }
}
