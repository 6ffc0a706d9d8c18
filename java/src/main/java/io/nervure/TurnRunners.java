package io.nervure;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The threads that run an actor host's turns. The runner that waits in the core for a turn runs it
 * itself and then waits again, so a call reaches its actor with one thread wake-up (the core waking
 * that runner) instead of a second hand-over from a poller to a worker thread.
 *
 * <p>The others stand by and cost nothing until a turn arrives while nobody waits for it: the
 * source then reports itself ready on the connection's dispatcher, which calls {@link #wanted()},
 * and one more runner takes the wait over (a turn about to wait for another actor's reply hands the
 * wait over itself: {@link #beforeBlocking()}). So a turn that blocks (a call to another actor of this
 * host, a slow method) never holds up the turns behind it, and up to as many turns as there are
 * runners run at once. The core starts an actor's next turn only after its last one completed, so
 * the runners need no ordering of their own.
 */
final class TurnRunners {
  private static final long POLL_MS = 250;
  private static final ThreadLocal<TurnRunners> OWN = new ThreadLocal<>();
  private final Subscription turns;
  private final Consumer<Message> run;
  private final Thread[] threads;
  // Guarded by this: whether a runner waits in the core, and whether the source reported turns
  // while it did (it may have taken them, or left from the wait just before they came).
  private boolean polling;
  private boolean readyWhilePolling;

  TurnRunners(Subscription turns, int count, String name, Consumer<Message> run) {
    this.turns = turns;
    this.run = run;
    this.threads = new Thread[Math.max(1, count)];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(this::runUntilEnded, name + "-" + (i + 1));
      threads[i].setDaemon(true);
    }
  }

  /** Starts the runners; {@link #wanted()} must already hear the source's reports. */
  void start() {
    for (Thread t : threads) t.start();
  }

  /** Turns wait that no runner may be waiting for: one that stands by takes the wait over. */
  synchronized void wanted() {
    if (polling) readyWhilePolling = true;
    else notify();
  }

  /**
   * The calling thread's turn is about to wait for a reply (a call to another actor): when it is
   * a runner and nobody waits for turns meanwhile, one that stands by does, so a call to an actor
   * of this same host reaches it at once rather than through the dispatcher.
   */
  static void beforeBlocking() {
    TurnRunners own = OWN.get();
    if (own == null) return;
    synchronized (own) {
      if (!own.polling) own.notify();
    }
  }

  private void runUntilEnded() {
    OWN.set(this);
    while (true) {
      synchronized (this) {
        while (polling) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        polling = true;
      }
      Message turn = null;
      try {
        turn = turns.poll(POLL_MS);
      } finally {
        synchronized (this) {
          polling = false;
          // More than this turn came (left in the subscription's buffer, or reported meanwhile):
          // another runner waits for them while this one runs its turn.
          if (turn != null && (readyWhilePolling || turns.hasBuffered())) notify();
          readyWhilePolling = false;
          if (turn == null && !turns.isActive()) notifyAll();  // the others see the end too
        }
      }
      if (turn != null) {
        try {
          run.accept(turn);
        } catch (RuntimeException e) {
          turns.reportFailure(e);  // the runner stays: the others may all be blocked
        }
      } else if (!turns.isActive()) {
        return;
      }
    }
  }

  /** Waits until every runner has seen the source end, within timeout in all. */
  void join(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : threads) {
      if (t == Thread.currentThread()) continue;
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        t.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
