package io.github.tailedcore.benchmark.speed;

import com.sun.management.GarbageCollectionNotificationInfo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap of a piece of work, measured two ways: the largest heap in
 * use that a sampling thread saw (live objects and garbage not yet
 * collected, so it creeps up to {@code -Xmx} when the collector has no
 * reason to run), and the largest heap left in use after a garbage
 * collection (live objects only, a lower bound of the true peak live set).
 * A run that finishes under {@code -Xmx} never needed more than that. The
 * JVM's own peak per heap pool ({@link MemoryPoolMXBean#getPeakUsage}, reset
 * when measuring starts) is kept too: its sum bounds the heap in use from
 * above, between samples included.
 */
public final class HeapPeak implements AutoCloseable {

	private static final long SAMPLE_MILLIS = 10;

	private final Set<String> heapPools = new HashSet<>();
	private final List<MemoryPoolMXBean> pools = new ArrayList<>();
	private final AtomicLong used = new AtomicLong();
	private final AtomicLong afterCollection = new AtomicLong();
	private final Thread sampler;
	private final List<NotificationEmitter> emitters = new ArrayList<>();
	private final NotificationListener listener = this::collected;
	private volatile boolean running = true;

	/** Starts measuring. */
	public HeapPeak() {
		for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP) {
				heapPools.add(pool.getName());
				pools.add(pool);
				pool.resetPeakUsage();
			}
		for (final GarbageCollectorMXBean gc : ManagementFactory
			.getGarbageCollectorMXBeans())
			if (gc instanceof NotificationEmitter) {
				((NotificationEmitter) gc).addNotificationListener(listener, null, null);
				emitters.add((NotificationEmitter) gc);
			}
		sampler = new Thread(() -> {
			while (running) {
				used.accumulateAndGet(ManagementFactory.getMemoryMXBean()
					.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(SAMPLE_MILLIS);
				}
				catch (final InterruptedException e) {
					return;
				}
			}
		}, "heap-peak");
		sampler.setDaemon(true);
		sampler.start();
	}

	private void collected(final Notification n, final Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
			.equals(n.getType())) return;
		long total = 0;
		for (final Map.Entry<String, MemoryUsage> pool : GarbageCollectionNotificationInfo
			.from((CompositeData) n.getUserData()).getGcInfo().getMemoryUsageAfterGc()
			.entrySet())
			if (heapPools.contains(pool.getKey())) total += pool.getValue().getUsed();
		afterCollection.accumulateAndGet(total, Math::max);
	}

	/** The largest heap in use seen, in bytes. */
	public long used() {
		return used.get();
	}

	/** The largest heap in use after a collection, in bytes (0 if none ran). */
	public long afterCollection() {
		return afterCollection.get();
	}

	/**
	 * The sum over the heap pools of each pool's peak use since measuring
	 * started, in bytes: the pools peak at different times, so this is an
	 * upper bound of the heap in use.
	 */
	public long poolPeaks() {
		long total = 0;
		for (final MemoryPoolMXBean pool : pools)
			total += pool.getPeakUsage().getUsed();
		return total;
	}

	/** Stops measuring. */
	@Override
	public void close() {
		running = false;
		sampler.interrupt();
		for (final NotificationEmitter e : emitters)
			try {
				e.removeNotificationListener(listener);
			}
			catch (final javax.management.ListenerNotFoundException ignored) {
				// never added
			}
	}
}
