package com.sovereignstamp.appliance.storage;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextAfter the last id of this page when more may follow, else null
 */
public record DocumentPage<T>(List<T> items, String nextAfter) {}
