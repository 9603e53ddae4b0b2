package dev.ecopulse.aggregator.repository;

import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.jboss.logging.Logger;

/** One warning line per retried store write: the stream is held, nothing is acknowledged, nothing is lost. */
@Dependent
public class StoreRetryLog implements BeforeRetryHandler {

    private static final Logger LOG = Logger.getLogger(StoreRetryLog.class);

    @Override
    public void handle(ExecutionContext context) {
        LOG.warnf("Store unavailable (%s); holding the observation stream and retrying %s",
                context.getFailure() == null ? "no failure" : context.getFailure().getClass().getSimpleName(),
                context.getMethod().getName());
    }
}
