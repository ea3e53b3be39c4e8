package com.sessionconsole.domain;

import java.nio.file.Path;

/** What the analyst asked for on the command line; any part may be null and is then looked up elsewhere. */
public record ConnectionRequest(String url, String user, String readUrl, boolean readOnly, boolean demo, Path configFile) {
    public static final ConnectionRequest DEFAULT = new ConnectionRequest(null, null, null, false, false, null);
}
