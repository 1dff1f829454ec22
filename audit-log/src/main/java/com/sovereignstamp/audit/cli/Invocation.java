package com.sovereignstamp.audit.cli;

import java.io.PrintStream;
import java.util.Map;

/** Where a command prints and which environment it reads secrets from. */
record Invocation(PrintStream out, PrintStream err, Map<String, String> environment) {}
