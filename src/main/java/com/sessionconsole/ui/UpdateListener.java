package com.sessionconsole.ui;

/** Lets a view save its selection and scroll position before a ViewModel replaces its lists, and restore them after. */
public interface UpdateListener {
    void beforeUpdate();

    void afterUpdate();
}
