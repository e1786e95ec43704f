package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;

/** Exactly one of a classified posting or a dead letter: every raw record ends in one of them. */
public record ClassifyOutcome(ClassifiedPosting classified, DeadLetter deadLetter) {

  public static ClassifyOutcome of(ClassifiedPosting classified) {
    return new ClassifyOutcome(classified, null);
  }

  public static ClassifyOutcome rejected(DeadLetter deadLetter) {
    return new ClassifyOutcome(null, deadLetter);
  }

  public boolean isClassified() {
    return classified != null;
  }
}
