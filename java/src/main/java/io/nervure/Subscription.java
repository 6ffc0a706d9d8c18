package io.nervure;

import io.nervure.internal.NativeOps;
import io.nervure.internal.Records;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Interest in a subject. Without a handler, read with {@link #nextMessage(Duration)};
 * with one, messages are handed to it on the subscription's own thread, in
 * batches pulled from the core in one crossing each.
 */
public final class Subscription implements AutoCloseable, Iterable<Message> {
  private static final int BATCH = 1024;
  private final Connection connection;
  private final long handle;
  private final String subject;
  private final String queue;
  private final MessageHandler handler;
  private final ArrayDeque<Message> buffered = new ArrayDeque<>();
  private final List<Message> scratch = new ArrayList<>(BATCH);
  // Held while a reader waits in the core; the buffer has its own lock so that
  // pending(), isActive() and unsubscribe() never wait for a reader.
  private final Object pollLock = new Object();
  private Thread thread;

  Subscription(Connection connection, long handle, String subject, String queue, MessageHandler handler) {
    this.connection = connection;
    this.handle = handle;
    this.subject = subject;
    this.queue = queue;
    this.handler = handler;
    Connection.CLEANER.register(this, () -> NativeOps.subscriptionDestroy(handle));
  }

  void start() {
    if (handler == null) return;
    thread = new Thread(this::run, "nervure-sub-" + subject);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    List<Message> batch = new ArrayList<>(BATCH);
    try {
      while (true) {
        byte[] encoded = NativeOps.subscriptionPoll(handle, BATCH, 250);
        if (encoded == null) {
          if (NativeOps.subscriptionEnded(handle)) break;
          continue;
        }
        batch.clear();
        Records.decodeMessage(encoded, connection.factory, batch);
        for (Message m : batch) {
          try {
            handler.onMessage(m);
          } catch (Throwable t) {
            connection.reportHandlerFailure(this, t);
          }
        }
      }
    } finally {
      connection.forget(this);
    }
  }

  void joinHandler(Duration timeout) {
    Thread t = thread;
    if (t == null || t == Thread.currentThread()) {
      if (t == null) connection.forget(this);
      return;
    }
    try {
      t.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** @return the subject subscribed to */
  public String subject() {
    return subject;
  }

  /** @return the queue group, or null */
  public String queue() {
    return queue == null || queue.isEmpty() ? null : queue;
  }

  /**
   * The next message, waiting up to timeout (zero: only what is queued).
   *
   * @param timeout how long to wait
   * @return the message
   * @throws TimeoutException when none came in time
   * @throws IllegalStateException when the subscription has a handler or has ended
   */
  public Message nextMessage(Duration timeout) {
    if (handler != null) throw new IllegalStateException("this subscription delivers to its handler");
    Message m = poll(Math.max(0, timeout.toMillis()));
    if (m != null) return m;
    if (NativeOps.subscriptionEnded(handle)) throw new IllegalStateException("the subscription has ended");
    throw new TimeoutException("no message within " + timeout.toMillis() + " ms on " + subject);
  }

  /**
   * The next message, waiting up to waitMs; null when none came or the subscription ended. One
   * thread at a time waits in the core; others calling meanwhile wait for it, then take what it
   * left buffered or wait in the core in turn.
   */
  Message poll(long waitMs) {
    synchronized (pollLock) {
      synchronized (buffered) {
        Message m = buffered.poll();
        if (m != null) return m;
      }
      byte[] encoded = NativeOps.subscriptionPoll(handle, BATCH, waitMs);
      if (encoded == null) return null;
      scratch.clear();
      Records.decodeMessage(encoded, connection.factory, scratch);
      synchronized (buffered) {
        buffered.addAll(scratch);
        return buffered.poll();
      }
    }
  }

  /** Tells the connection's event listener that handling a message failed. */
  void reportFailure(Throwable t) {
    connection.reportHandlerFailure(this, t);
  }

  /** @return whether {@link #poll} has messages it took from the core and not yet handed out */
  boolean hasBuffered() {
    synchronized (buffered) {
      return !buffered.isEmpty();
    }
  }

  /** @return the id under which the connection's dispatcher reports this subscription ready */
  long sourceId() {
    return NativeOps.subscriptionId(handle);
  }

  /**
   * The messages, blocking for each, until the subscription ends (unsubscribed,
   * drained, its max reached, or the connection closed):
   * {@code for (Message m : sub) ...}.
   *
   * @return a blocking iterator (one per subscription at a time)
   */
  @Override
  public Iterator<Message> iterator() {
    return new Iterator<>() {
      private Message next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          try {
            next = nextMessage(Duration.ofMillis(500));
          } catch (TimeoutException e) {
            // keep waiting
          } catch (IllegalStateException e) {
            return false;
          }
        }
        return true;
      }

      @Override
      public Message next() {
        if (!hasNext()) throw new NoSuchElementException();
        Message m = next;
        next = null;
        return m;
      }
    };
  }

  /** Stops now; queued messages are dropped. */
  public void unsubscribe() {
    NativeOps.subscriptionUnsubscribe(handle);
    synchronized (buffered) {
      buffered.clear();
    }
    if (handler == null) connection.forget(this);
  }

  /** Same as {@link #unsubscribe()}. */
  @Override
  public void close() {
    unsubscribe();
  }

  /**
   * Stops interest, lets queued messages be consumed (the handler sees them), then ends.
   *
   * @param timeout how long it may take
   */
  public void drain(Duration timeout) {
    NativeOps.subscriptionDrain(handle, timeout.toMillis());
    joinHandler(timeout);
  }

  /**
   * Ends after this many messages in total (counting those already delivered).
   *
   * @param maxMsgs the total
   */
  public void autoUnsubscribe(long maxMsgs) {
    NativeOps.subscriptionAutoUnsubscribe(handle, maxMsgs);
  }

  /**
   * Changes the queue limits; -1 unlimited.
   *
   * @param msgs limit in messages
   * @param bytes limit in bytes
   */
  public void setPendingLimits(long msgs, long bytes) {
    NativeOps.subscriptionSetPendingLimits(handle, msgs, bytes);
  }

  /** @return messages queued, not yet consumed */
  public long pending() {
    long local;
    synchronized (buffered) {
      local = buffered.size();
    }
    return local + NativeOps.subscriptionPending(handle);
  }

  /** @return payload bytes queued in the core */
  public long pendingBytes() {
    return NativeOps.subscriptionPendingBytes(handle);
  }

  /** @return messages lost to the pending limits (slow consumer) */
  public long dropped() {
    return NativeOps.subscriptionDropped(handle);
  }

  /** @return messages received so far */
  public long delivered() {
    return NativeOps.subscriptionDelivered(handle);
  }

  /** @return false once it has ended and nothing is left to read */
  public boolean isActive() {
    synchronized (buffered) {
      if (!buffered.isEmpty()) return true;
    }
    return !NativeOps.subscriptionEnded(handle);
  }
}
