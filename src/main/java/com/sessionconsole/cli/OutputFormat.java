package com.sessionconsole.cli;

/** How a command prints rows. */
public enum OutputFormat { table, csv, json }
