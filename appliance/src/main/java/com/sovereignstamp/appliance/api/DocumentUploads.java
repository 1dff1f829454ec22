package com.sovereignstamp.appliance.api;

import com.sovereignstamp.appliance.application.ApplianceRuntime;
import com.sovereignstamp.appliance.audit.Actor;
import com.sovereignstamp.appliance.storage.DocumentMetadata;
import com.sovereignstamp.appliance.storage.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Admits uploads: at most {@value #CONCURRENT_UPLOADS} run at once (each holds a database
 * connection for its whole transaction; the pool has 16 by default), more get {@code 503 too-busy}.
 * MicroProfile Fault Tolerance's key {@code
 * com.sovereignstamp.appliance.api.DocumentUploads/store/Bulkhead/value} changes the limit. A bean
 * of its own so that the Fault Tolerance interceptor runs on uploads only, not on every call of the
 * documents resource.
 */
@ApplicationScoped
public class DocumentUploads {
  static final int CONCURRENT_UPLOADS = 12;

  @Inject ApplianceRuntime runtime;

  @Bulkhead(CONCURRENT_UPLOADS)
  public DocumentMetadata store(Upload upload, Actor actor) throws IOException {
    return runtime.documents().put(upload, actor);
  }
}
