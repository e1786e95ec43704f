package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EmissionPacerTest {

  @Test
  void theTasksOfAThreadShareItsPause() throws Exception {
    // a thread of its own, so that other tests' tasks on this one do not count
    long[] pauses = onNewThread(() -> {
      EmissionPacer pacer = EmissionPacer.ofThisThread();
      long alone = pacer.pauseMs(100, 3); // no task joined yet: as for one
      pacer.join();
      long one = pacer.pauseMs(100, 3);
      pacer.join();
      pacer.join();
      long three = pacer.pauseMs(100, 3);
      pacer.leave();
      long two = pacer.pauseMs(100, 3);
      return new long[] {alone, one, three, two, pacer.pauseMs(100, 0)};
    });
    assertThat(pauses).containsExactly(300, 300, 900, 600, 0);
  }

  @Test
  void eachThreadHasItsOwn() throws Exception {
    EmissionPacer here = EmissionPacer.ofThisThread();
    EmissionPacer there = onNewThread(EmissionPacer::ofThisThread);
    assertThat(there).isNotSameAs(here);
    assertThat(EmissionPacer.ofThisThread()).isSameAs(here);
  }

  private static <T> T onNewThread(Supplier<T> work) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    Thread thread = new Thread(() -> result.set(work.get()));
    thread.start();
    thread.join();
    return result.get();
  }
}
