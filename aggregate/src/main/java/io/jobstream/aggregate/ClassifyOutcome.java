package io.jobstream.aggregate;

import io.jobstream.model.ClassifiedPosting;
import io.jobstream.model.DeadLetter;

/**
 * Exactly one of a classified posting, a deletion (a tombstone for a posting id: the posting is
 * removed) or a dead letter: every raw record ends in one of them.
 */
public record ClassifyOutcome(ClassifiedPosting classified, DeadLetter deadLetter, boolean deletion) {

  public static final ClassifyOutcome DELETION = new ClassifyOutcome(null, null, true);

  public static ClassifyOutcome of(ClassifiedPosting classified) {
    return new ClassifyOutcome(classified, null, false);
  }

  public static ClassifyOutcome rejected(DeadLetter deadLetter) {
    return new ClassifyOutcome(null, deadLetter, false);
  }

  public boolean isClassified() {
    return classified != null;
  }
}
