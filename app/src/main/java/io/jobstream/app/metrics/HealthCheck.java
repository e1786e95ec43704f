package io.jobstream.app.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Asks what is wrong (the command's readiness) on its own thread within a budget, so
 * {@code /health} answers in time whatever that question waits on: past the budget it answers
 * {@value #TIMED_OUT}. A question still running is not asked again; later probes wait on it.
 */
final class HealthCheck implements AutoCloseable {

  /** The budget of one health check: {@value} ms, well inside a probe's usual 1 s timeout. */
  static final long BUDGET_MS = 500;

  /** The problem reported when the check takes longer than its budget. */
  static final String TIMED_OUT = "health check timed out";

  private final Supplier<String> problem;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "health-check");
    t.setDaemon(true);
    return t;
  });
  private CompletableFuture<String> running;

  HealthCheck(Supplier<String> problem) {
    this.problem = problem;
  }

  /** Null when healthy, else why not. */
  String problem() {
    return problem(Duration.ofMillis(BUDGET_MS));
  }

  String problem(Duration budget) {
    CompletableFuture<String> check;
    synchronized (this) {
      if (running == null || running.isDone()) {
        running = CompletableFuture.supplyAsync(problem, thread);
      }
      check = running;
    }
    try {
      return check.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return TIMED_OUT;
    } catch (ExecutionException e) {
      return "health check failed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
