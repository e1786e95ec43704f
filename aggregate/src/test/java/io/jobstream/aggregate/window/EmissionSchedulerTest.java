package io.jobstream.aggregate.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.jobstream.aggregate.WindowSpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EmissionSchedulerTest {

  private static final long MS = 1_000_000;

  /** The budget's clock, in nanoseconds, moved by the test. */
  private long nanos = 1_000 * MS;

  private EmissionScheduler scheduler(Duration budget, int pauseFactor) {
    return new EmissionScheduler(budget, pauseFactor, () -> nanos);
  }

  private static List<WindowJob> jobs(int n) {
    LocalDate start = LocalDate.parse("2026-01-01");
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> new WindowJob(0, new WindowSpec.Window(start.plusDays(i), start.plusDays(i + 30)))).toList();
  }

  @Test
  void anEmissionWaitsItsPauseWhileInputKeepsComing() throws Exception {
    // a thread of its own: the pause counts the window tasks of the thread
    boolean[] due = onNewThread(() -> {
      EmissionScheduler s = scheduler(Duration.ofSeconds(5), 3);
      s.start(60_000);
      boolean first = s.due(0);
      s.open();
      nanos += 100 * MS;
      s.end(10_000, 10_100); // took 100 ms: the next no sooner than 300 ms after the punctuation
      s.input(10_150);
      boolean[] out = {first, s.due(10_200), s.due(10_299), s.due(10_300)};
      s.stop();
      return out;
    });
    assertThat(due).containsExactly(true, false, false, true);
  }

  private static <T> T onNewThread(java.util.function.Supplier<T> work) throws InterruptedException {
    AtomicReference<T> result = new AtomicReference<>();
    Thread thread = new Thread(() -> result.set(work.get()));
    thread.start();
    thread.join();
    return result.get();
  }

  @Test
  void quietInputEndsThePause() {
    EmissionScheduler s = scheduler(Duration.ofSeconds(5), 100);
    s.open();
    nanos += 100 * MS;
    s.end(10_000, 10_100); // a pause of 10 s
    assertThat(s.due(10_500)).as("quiet since 400 ms, of the 0 ms that count as quiet").isTrue();
    AtomicReference<Boolean> dueWhileInput = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      EmissionScheduler t = scheduler(Duration.ofSeconds(5), 100);
      t.start(1_000);
      t.open();
      nanos += 100 * MS;
      t.end(10_000, 10_100);
      t.input(10_400);
      boolean busy = t.due(11_000);
      dueWhileInput.set(!busy && t.due(11_500));
      t.stop();
    });
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertThat(dueWhileInput.get()).as("not due 600 ms after input, due 1100 ms after").isTrue();
  }

  @Test
  void theWindowTasksOfAThreadShareItsPause() throws Exception {
    AtomicReference<Boolean[]> due = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      EmissionScheduler a = scheduler(Duration.ofSeconds(5), 1);
      EmissionScheduler b = scheduler(Duration.ofSeconds(5), 1);
      a.start(60_000);
      b.start(60_000);
      a.open();
      nanos += 100 * MS;
      a.end(0, 100);
      a.input(100);
      // two tasks on the thread: 1 x 100 ms x 2
      Boolean[] out = {a.due(150), a.due(199), a.due(200), null};
      b.stop();
      a.open();
      nanos += 100 * MS;
      a.end(1_000, 1_100);
      a.input(1_100);
      out[3] = a.due(1_100);
      a.stop();
      due.set(out);
    });
    thread.start();
    thread.join();
    assertThat(due.get()).containsExactly(false, false, true, true);
  }

  @Test
  void theBudgetStopsAfterAtLeastOneWindowAndOneDay() {
    EmissionScheduler s = scheduler(Duration.ofMillis(50), 0);
    s.open();
    assertThat(s.begin(jobs(3))).isZero();
    nanos += 60 * MS; // out of time already
    assertThat(s.mayStartJob()).as("the first window always starts").isTrue();
    assertThat(s.mayReadDay()).as("and reads one day").isTrue();
    assertThat(s.mayReadDay()).isFalse();
    s.jobDone();
    assertThat(s.mayStartJob()).isFalse();
    s.begin(jobs(3));
    assertThat(s.mayReadDay()).isTrue();
    assertThat(s.mayReadDay()).as("within the budget").isTrue();
    s.jobDone();
    assertThat(s.mayStartJob()).isTrue();
    nanos += 51 * MS;
    assertThat(s.mayStartJob()).isFalse();
  }

  @Test
  void theNextEmissionStartsWithTheWindowTheLastDidNotFinish() {
    EmissionScheduler s = scheduler(Duration.ofMillis(50), 0);
    List<WindowJob> jobs = jobs(5);
    assertThat(s.begin(jobs)).isZero();
    s.stopBefore(jobs.get(3));
    assertThat(s.unfinished()).isTrue();
    assertThat(s.begin(jobs)).isEqualTo(3);
    assertThat(s.unfinished()).isFalse();
    assertThat(s.begin(jobs)).as("nothing left over").isZero();
    // the window it stopped at is gone: the next after it; past the last: round to the first
    s.stopBefore(jobs.get(2));
    assertThat(s.begin(List.of(jobs.get(0), jobs.get(1), jobs.get(4)))).isEqualTo(2);
    s.stopBefore(jobs.get(4));
    assertThat(s.begin(jobs.subList(0, 3))).isZero();
  }
}
