package com.sovereignstamp.bridge.api;

import com.sovereignstamp.bridge.keys.GcmCiphertext;
import com.sovereignstamp.bridge.keys.KeyBackendException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;

/**
 * BENCHMARK ONLY (off by default, refused in production): one PKCS#11 GCM decrypt behind the same
 * mutual-TLS listener, without SigV4, JSON or key stores — the baseline the XKS decrypt is measured
 * against. Body: {@code u16be(len hsmAad) ‖ hsmAad ‖ iv(12) ‖ ciphertext ‖ tag}; answer: the
 * plaintext.
 */
@Path("/bridge/bench/baseline-decrypt/{label}")
@RequestScoped
public class BaselineDecryptResource {
  @Inject BridgeRuntime runtime;

  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response decrypt(@PathParam("label") String label, byte[] body) {
    if (!runtime.settings().baselineEndpoint()) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(body);
      byte[] aad = new byte[Short.toUnsignedInt(in.getShort())];
      in.get(aad);
      byte[] iv = new byte[12];
      in.get(iv);
      byte[] rest = new byte[in.remaining()];
      in.get(rest);
      GcmCiphertext c = GcmCiphertext.split(iv, rest, rest.length);
      return Response.ok(runtime.backend().decrypt(label, c, aad)).build();
    } catch (RuntimeException e) {
      int status = e instanceof KeyBackendException ? 503 : 400;
      return Response.status(status).build();
    }
  }
}
