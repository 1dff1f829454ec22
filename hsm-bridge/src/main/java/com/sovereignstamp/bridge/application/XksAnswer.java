package com.sovereignstamp.bridge.application;

import jakarta.json.JsonObject;

/** What to send back: an HTTP status and a JSON body. */
public record XksAnswer(int status, JsonObject body) {}
