package com.sovereignstamp.appliance.storage;

/** What writing a content object produced: its header, plaintext size and segment count. */
public record WrittenContent(byte[] header, long size, int segmentCount) {}
