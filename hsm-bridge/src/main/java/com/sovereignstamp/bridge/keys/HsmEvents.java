package com.sovereignstamp.bridge.keys;

/** What a backend tells the rest of the bridge about its HSM, for metrics and logs. */
public interface HsmEvents {
  /** An HSM call failed with this error (a PKCS#11 return value name, or a timeout). */
  void hsmError(String error);

  /** The link to the HSM was lost ({@code false}) or (re-)established ({@code true}). */
  void linkChanged(boolean up);

  HsmEvents NONE =
      new HsmEvents() {
        @Override
        public void hsmError(String error) {}

        @Override
        public void linkChanged(boolean up) {}
      };
}
