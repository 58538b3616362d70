package dev.aiwizard.core.job;

import dev.aiwizard.core.WizardException;

/** This worker's lease on a job ran out and another worker claimed it: stop without another visible step. */
public final class JobTakenOverException extends WizardException {
    private static final long serialVersionUID = 1L;

    public JobTakenOverException(JobId job) {
        super("job " + job + " was taken over by another worker");
    }
}
