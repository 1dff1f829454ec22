package com.sovereignstamp.appliance.mode;

/**
 * Told of every transition, in order, right after the new state is in force (requests already see
 * it). A listener that fails does not stop the others or undo the transition.
 */
@FunctionalInterface
public interface ModeListener {
  void changed(ModeChange change);
}
