package com.sovereignstamp.bridge.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All bridge endpoints live under the root; the WAR is deployed as ROOT. */
@ApplicationPath("/")
public class BridgeApplication extends Application {}
