package com.sessionconsole.cli;

/** How a command prints rows; written in any case ({@code --format JSON}). ndjson is one JSON object per line. */
public enum OutputFormat { table, csv, json, ndjson }
