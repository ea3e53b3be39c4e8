package com.sessionconsole.support;

import com.sessionconsole.revoke.ui.RevokeConfirmer;
import com.sessionconsole.revoke.RevokePlan;
import com.sessionconsole.ui.DialogService;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialog answers for tests: what the analyst would type or click, queued in advance; what was shown is recorded. */
public final class ScriptedDialogs implements DialogService {
    public final List<String> shown = new ArrayList<>();
    public final List<RevokePlan> confirmations = new ArrayList<>();
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final Deque<String> reasons = new ArrayDeque<>();

    /** The reason the analyst types into the next revoke confirmation (none queued: they cancel). */
    public ScriptedDialogs reason(String reason) {
        reasons.add(reason);
        return this;
    }

    /** The answer to the next yes/no question (none queued: no). */
    public ScriptedDialogs answer(boolean yes) {
        answers.add(yes);
        return this;
    }

    /** The analyst types the queued reason and the plan's true count; with no reason queued, they cancel. */
    public Optional<RevokeConfirmer.Answer> confirm(RevokePlan plan) {
        confirmations.add(plan);
        String reason = reasons.poll();
        return reason == null ? Optional.empty() : Optional.of(new RevokeConfirmer.Answer(reason, Integer.toString(plan.count())));
    }

    @Override
    public boolean ask(String header, String text) {
        shown.add(header + ": " + text);
        Boolean yes = answers.poll();
        return yes != null && yes;
    }

    @Override
    public void inform(Severity severity, String header, String text) {
        shown.add(severity + " " + header + ": " + text);
    }

    @Override
    public Optional<String> askText(String header, String prompt, boolean secret) {
        return Optional.empty();
    }

    @Override
    public Optional<SaveTarget> saveFile(String title, String initialName, List<FileType> types) {
        return Optional.empty();
    }
}
